using System.Globalization;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Profiles;

/// <summary>
/// Reads the <c>cpu</c> and <c>memory</c> values of a profile, in the notation Kubernetes made familiar:
/// <c>0.5</c>, <c>2</c> or <c>500m</c> CPUs; <c>512Mi</c>, <c>1Gi</c>, <c>256M</c> or <c>1.5Gi</c> of memory.
/// The <c>TryParse</c> methods say only whether the text is valid; a reader reports an invalid value as
/// PREVIEW1005 with <see cref="CpuRule"/> or <see cref="MemoryRule"/> as its fix.
/// </summary>
public static class ResourceLimitsParser
{
    /// <summary>The smallest CPU limit: cgroups refuse a quota below 1 ms per 100 ms period.</summary>
    public const double MinimumCpus = 0.01;

    /// <summary>The largest CPU limit accepted, far above any machine a preview runs on.</summary>
    public const double MaximumCpus = 1024;

    /// <summary>
    /// The smallest memory limit, 16 MiB. Below it no .NET service starts; more often it is a number written
    /// without its unit (<c>512</c> meaning 512 MiB), which would otherwise mean 512 bytes.
    /// </summary>
    public const long MinimumMemoryBytes = 16L * 1024 * 1024;

    /// <summary>The largest memory limit accepted, 1024 TiB.</summary>
    public const long MaximumMemoryBytes = 1L << 50;

    private static readonly (string Suffix, long Factor)[] MemoryUnits =
    [
        // Two-letter binary units first, so "Mi" is not read as "M" followed by garbage.
        ("Ki", 1L << 10), ("Mi", 1L << 20), ("Gi", 1L << 30), ("Ti", 1L << 40),
        ("k", 1_000L), ("M", 1_000_000L), ("G", 1_000_000_000L), ("T", 1_000_000_000_000L),
    ];

    /// <summary>The fix sentence of PREVIEW1005 for an invalid <c>cpu</c> value.</summary>
    public static string CpuRule => DiagnosticFactory.Format("Text.Rule.Cpu");

    /// <summary>The fix sentence of PREVIEW1005 for an invalid <c>memory</c> value.</summary>
    public static string MemoryRule => DiagnosticFactory.Format("Text.Rule.Memory");

    /// <summary>
    /// Reads a CPU limit: a number of CPUs (<c>0.5</c>, <c>2</c>) or of millicores (<c>500m</c>), from
    /// <see cref="MinimumCpus"/> to <see cref="MaximumCpus"/>.
    /// </summary>
    /// <param name="text">The value as written.</param>
    /// <param name="cpus">The CPUs, when valid.</param>
    /// <returns>True when <paramref name="text"/> is a valid CPU limit.</returns>
    public static bool TryParseCpus(string? text, out double cpus)
    {
        var valid = TryReadCpus(text, out cpus) && cpus is >= MinimumCpus and <= MaximumCpus;
        cpus = valid ? cpus : 0;
        return valid;
    }

    /// <summary>
    /// Reads an amount of CPUs in the same notation (<c>0.5</c>, <c>4</c>, <c>500m</c>) without a range check, for
    /// callers with their own range (a team budget).
    /// </summary>
    /// <param name="text">The value as written.</param>
    /// <param name="cpus">The CPUs, when the text is an amount.</param>
    public static bool TryReadCpus(string? text, out double cpus)
    {
        cpus = 0;
        var value = text?.Trim() ?? string.Empty;
        var millicores = value.EndsWith('m');
        if (millicores)
        {
            value = value[..^1];
        }

        if (!TryParseNumber(value, out var number))
        {
            return false;
        }

        cpus = millicores ? number / 1000 : number;
        return double.IsFinite(cpus);
    }

    /// <summary>
    /// Reads a memory limit: bytes with a unit, binary (<c>Ki</c>, <c>Mi</c>, <c>Gi</c>, <c>Ti</c>) or decimal
    /// (<c>k</c>, <c>M</c>, <c>G</c>, <c>T</c>), optionally with a fraction (<c>1.5Gi</c>), or plain bytes; from
    /// <see cref="MinimumMemoryBytes"/> to <see cref="MaximumMemoryBytes"/>.
    /// </summary>
    /// <param name="text">The value as written.</param>
    /// <param name="bytes">The bytes, when valid.</param>
    /// <returns>True when <paramref name="text"/> is a valid memory limit.</returns>
    public static bool TryParseMemory(string? text, out long bytes)
    {
        var valid = TryReadMemory(text, out bytes) && bytes is >= MinimumMemoryBytes and <= MaximumMemoryBytes;
        bytes = valid ? bytes : 0;
        return valid;
    }

    /// <summary>
    /// Reads an amount of memory in the same notation (<c>8Gi</c>, <c>512Mi</c>, <c>1.5G</c>, bytes) without a range
    /// check beyond what a long holds, for callers with their own range (a team budget).
    /// </summary>
    /// <param name="text">The value as written.</param>
    /// <param name="bytes">The bytes, when the text is an amount.</param>
    public static bool TryReadMemory(string? text, out long bytes)
    {
        bytes = 0;
        var value = text?.Trim() ?? string.Empty;
        long factor = 1;
        foreach (var (suffix, unit) in MemoryUnits)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                value = value[..^suffix.Length];
                factor = unit;
                break;
            }
        }

        if (!TryParseNumber(value, out var number))
        {
            return false;
        }

        var total = number * factor;
        if (!double.IsFinite(total) || total > long.MaxValue)
        {
            return false;
        }

        bytes = (long)Math.Round(total, MidpointRounding.AwayFromZero);
        return true;
    }

    // Digits with an optional fraction: no sign, exponent, thousands separator or culture.
    private static bool TryParseNumber(string text, out double number)
    {
        number = 0;
        return text.Length > 0
            && char.IsAsciiDigit(text[0])
            && char.IsAsciiDigit(text[^1])
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}
