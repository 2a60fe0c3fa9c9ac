using System.Text;

namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// Rewrites a SQL <c>LIKE</c> pattern as the equivalent anchored regular expression, so that
/// <c>email LIKE '%@%'</c> becomes the same kind of rule as <c>email ~ '^.*@.*$'</c>.
/// </summary>
internal static class LikePattern
{
    // Characters that mean something in a POSIX (and .NET) regular expression.
    private const string RegexSpecials = @".^$*+?()[]{}|\";

    /// <summary>The regular expression matching exactly what <paramref name="pattern"/> matches with LIKE's default escape (<c>\</c>).</summary>
    /// <param name="pattern">The LIKE pattern.</param>
    /// <param name="ignoreCase">For ILIKE: each letter matches in either case (<c>[aA]</c>).</param>
    public static string ToRegularExpression(string pattern, bool ignoreCase = false)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                AppendLiteral(builder, pattern[++i]);
            }
            else if (ignoreCase && char.IsAsciiLetter(c))
            {
                builder.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
            }
            else if (c == '%')
            {
                builder.Append(".*");
            }
            else if (c == '_')
            {
                builder.Append('.');
            }
            else
            {
                AppendLiteral(builder, c);
            }
        }

        return builder.Append('$').ToString();
    }

    private static void AppendLiteral(StringBuilder builder, char c)
    {
        if (RegexSpecials.Contains(c, StringComparison.Ordinal))
        {
            builder.Append('\\');
        }

        builder.Append(c);
    }
}
