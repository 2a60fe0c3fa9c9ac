using System.Globalization;
using System.Text;

namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// How a message quotes what a user wrote: on one line and at a readable length. A 10 MB <c>app:</c> value was
/// echoed twice into a 20 MB build log, and a value with a line break split a message that tools parse by line.
/// </summary>
public static class DiagnosticText
{
    /// <summary>The longest echoed value; a longer one keeps its first <see cref="KeptLength"/> characters.</summary>
    public const int MaxEchoLength = 120;

    /// <summary>What is kept of a value longer than <see cref="MaxEchoLength"/>, followed by its length.</summary>
    public const int KeptLength = 100;

    /// <summary>
    /// The longest text placed in a message as a whole: composed parts (a rule, a list of names) are longer than a
    /// quoted value, so this is the backstop for every placeholder, and <see cref="MaxEchoLength"/> the length of a value.
    /// </summary>
    public const int MaxArgumentLength = 300;

    /// <summary>
    /// <paramref name="value"/> as a message quotes it: control characters (line breaks, tabs, NUL, the Unicode
    /// line separators) written as escapes (<c>\n</c>, <c>\u0000</c>), and cut after <see cref="KeptLength"/>
    /// characters when longer than <see cref="MaxEchoLength"/>, with <c>…(10485760 characters)</c> saying how long
    /// it was. Every string placed in a diagnostic's message goes through here.
    /// </summary>
    /// <param name="value">The text to quote.</param>
    /// <param name="maxLength">The longest text kept whole: <see cref="MaxEchoLength"/> for a value.</param>
    public static string Echo(string value, int maxLength = MaxEchoLength)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var cut = value.Length > maxLength;
        var keep = maxLength * KeptLength / MaxEchoLength;
        var kept = cut ? value.AsSpan(0, char.IsHighSurrogate(value[keep - 1]) ? keep - 1 : keep) : value.AsSpan();
        if (!cut && !NeedsEscape(kept))
        {
            return value;
        }

        var text = new StringBuilder(kept.Length + 32);
        foreach (var c in kept)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when IsEscaped(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        if (cut)
        {
            text.Append(CultureInfo.InvariantCulture, $"…({value.Length} characters)");
        }

        return text.ToString();
    }

    private static bool NeedsEscape(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsEscaped(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsEscaped(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';
}
