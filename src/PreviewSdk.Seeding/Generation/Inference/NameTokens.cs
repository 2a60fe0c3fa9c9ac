using System.Text;

namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// Splits an identifier into lower-case words whatever its convention: <c>unit_price</c>, <c>UnitPrice</c>,
/// <c>unitPrice</c> and <c>IPAddress</c> become <c>unit price</c> and <c>ip address</c>, which is what lets the
/// same inference serve hand-written SQL and EF Core's PascalCase columns; names PostgreSQL folded to lower case
/// (<c>acctstarttime</c>) are split by <see cref="RunTogetherWords"/>.
/// </summary>
internal static class NameTokens
{
    /// <summary>The words of <paramref name="identifier"/>, lower case, in order.</summary>
    public static IReadOnlyList<string> Split(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            var previous = i > 0 ? identifier[i - 1] : '\0';
            var next = i + 1 < identifier.Length ? identifier[i + 1] : '\0';
            var startsWord = char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
            if (startsWord)
            {
                Flush(words, current);
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    // A run without a case change may still be several words (acctstarttime): RunTogetherWords splits the known ones.
    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            RunTogetherWords.Split(current.ToString(), words);
            current.Clear();
        }
    }
}
