using System.Globalization;
using System.Resources;

namespace PreviewSdk.Core.Diagnostics;

/// <summary>
/// Creates <see cref="PreviewDiagnostic"/>s from the message texts in <c>DiagnosticMessages.resx</c>, so every
/// layer words its problems the same way and a code's text lives in one place.
/// </summary>
public static class DiagnosticFactory
{
    private const string DidYouMeanKey = "Text.DidYouMean";
    private const string NoneKey = "Text.None";

    // Looked up by name rather than through a generated designer class: one less generated file to keep in step.
    private static readonly ResourceManager Messages =
        new("PreviewSdk.Core.Diagnostics.DiagnosticMessages", typeof(DiagnosticFactory).Assembly);

    /// <summary>Creates an error diagnostic.</summary>
    /// <param name="code">A code from <see cref="DiagnosticCodes"/>.</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="args">The values for the message's <c>{0}</c>.. placeholders.</param>
    /// <exception cref="InvalidOperationException">The code has no message: a bug caught by the tests.</exception>
    public static PreviewDiagnostic Create(string code, SourceLocation location, params object?[] args) =>
        Create(code, DiagnosticSeverity.Error, location, args);

    /// <summary>Creates a diagnostic of the given severity.</summary>
    /// <param name="code">A code from <see cref="DiagnosticCodes"/>.</param>
    /// <param name="severity">Whether the build fails.</param>
    /// <param name="location">Where the problem is.</param>
    /// <param name="args">The values for the message's <c>{0}</c>.. placeholders.</param>
    /// <exception cref="InvalidOperationException">The code has no message: a bug caught by the tests.</exception>
    public static PreviewDiagnostic Create(
        string code, DiagnosticSeverity severity, SourceLocation location, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(code);
        var format = FindMessageFormat(code)
            ?? throw new InvalidOperationException($"Diagnostic code '{code}' has no message in DiagnosticMessages.resx.");
        var message = string.Format(CultureInfo.InvariantCulture, format, Echoed(args, DiagnosticText.MaxArgumentLength));
        return new PreviewDiagnostic(code, severity, message, location.File, location.Line, location.Column);
    }

    /// <summary>The unformatted message text of a code, or null when the code has none.</summary>
    /// <param name="code">A code such as <c>PREVIEW1002</c>.</param>
    public static string? FindMessageFormat(string code) => Messages.GetString(code, CultureInfo.InvariantCulture);

    /// <summary>
    /// The hint sentence <c> Did you mean 'x'?</c> (with its leading space) for a close match, or an empty string,
    /// so a message can always put it in a placeholder.
    /// </summary>
    /// <param name="closestMatch">The suggested name, or null for none.</param>
    public static string DidYouMean(string? closestMatch) =>
        closestMatch is null ? string.Empty : Format(DidYouMeanKey, closestMatch);

    /// <summary>A comma separated list of names for a message, or <c>(none)</c> when there are none.</summary>
    /// <param name="names">The names, in the order to show them.</param>
    public static string NameList(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var joined = string.Join(", ", names);
        return joined.Length == 0 ? Format(NoneKey) : joined;
    }

    /// <summary>Formats a message fragment (a <c>Text.*</c> key of the resource file) that a caller puts in a placeholder.</summary>
    internal static string Format(string key, params object?[] args) =>
        string.Format(
            CultureInfo.InvariantCulture,
            FindMessageFormat(key) ?? throw new InvalidOperationException($"'{key}' is missing from DiagnosticMessages.resx."),
            Echoed(args, DiagnosticText.MaxEchoLength));

    // Every text placed in a message is quoted the one way (DiagnosticText.Echo): on one line, and bounded. A
    // fragment's placeholders are values (cut at a value's length); a message's may be composed fragments, so the
    // message bounds them by the larger backstop, which still keeps a raw value from flooding the log.
    private static object?[] Echoed(object?[] args, int maxLength) =>
        args.Select(arg => arg is string text ? DiagnosticText.Echo(text, maxLength) : arg).ToArray();
}
