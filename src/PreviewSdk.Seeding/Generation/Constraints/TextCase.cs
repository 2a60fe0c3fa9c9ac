namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// Text in one case, as a <c>CHECK (name = lower(name))</c> asks. Invariant culture: generated text is ASCII or
/// Bogus's English words, whose case PostgreSQL's <c>lower</c>/<c>upper</c> change the same way in any UTF-8 database.
/// </summary>
internal static class TextCase
{
    /// <summary><paramref name="text"/> in upper case when <paramref name="upper"/>, else in lower case.</summary>
    public static string Apply(string text, bool upper) => upper ? text.ToUpperInvariant() : text.ToLowerInvariant();
}
