using System.Text;

namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// Splits a CHECK expression, as <c>pg_get_constraintdef</c> prints it, into tokens following PostgreSQL's lexical
/// rules closely enough for what it prints: identifiers (quoted or not), string literals, numbers, operators and
/// punctuation.
/// </summary>
internal static class CheckTokenizer
{
    // PostgreSQL's operator characters: any run of them is one operator (with the +/- trimming rule below).
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?";

    // An operator may end in + or - only if it also holds one of these (else "<-5" would lex as one operator).
    private const string OperatorSignAllowers = "~!@#%^&|`?";

    /// <summary>The tokens of <paramref name="text"/>, ending with an <see cref="CheckTokenKind.End"/> token.</summary>
    /// <exception cref="FormatException">A character or literal PostgreSQL would not print.</exception>
    public static List<CheckToken> Tokenize(string text)
    {
        var tokens = new List<CheckToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                tokens.Add(new CheckToken(CheckTokenKind.Identifier, ReadQuoted(text, ref i, '"', backslashEscapes: false)));
            }
            else if (c == '\'')
            {
                tokens.Add(new CheckToken(CheckTokenKind.String, ReadQuoted(text, ref i, '\'', backslashEscapes: false)));
            }
            else if ((c is 'E' or 'e') && i + 1 < text.Length && text[i + 1] == '\'')
            {
                i++;
                tokens.Add(new CheckToken(CheckTokenKind.String, ReadQuoted(text, ref i, '\'', backslashEscapes: true)));
            }
            else if (char.IsAsciiLetter(c) || c == '_' || c > 127)
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '$' || text[i] > 127))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new CheckToken(CheckTokenKind.Identifier, FoldCase(word), word));
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                tokens.Add(new CheckToken(CheckTokenKind.Number, ReadNumber(text, ref i)));
            }
            else if (c == ':' && i + 1 < text.Length && text[i + 1] == ':')
            {
                tokens.Add(new CheckToken(CheckTokenKind.Punctuation, "::"));
                i += 2;
            }
            else if (c is '(' or ')' or '[' or ']' or ',' or '.')
            {
                tokens.Add(new CheckToken(CheckTokenKind.Punctuation, c.ToString()));
                i++;
            }
            else if (OperatorChars.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new CheckToken(CheckTokenKind.Operator, ReadOperator(text, ref i)));
            }
            else
            {
                throw new FormatException($"Unexpected character '{c}' at {i}.");
            }
        }

        tokens.Add(new CheckToken(CheckTokenKind.End, ""));
        return tokens;
    }

    // PostgreSQL folds unquoted identifiers to lower case, ASCII letters only.
    private static string FoldCase(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            builder.Append(char.IsAsciiLetterUpper(c) ? (char)(c + ('a' - 'A')) : c);
        }

        return builder.ToString();
    }

    private static string ReadQuoted(string text, ref int i, char quote, bool backslashEscapes)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    builder.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return builder.ToString();
            }

            if (backslashEscapes && c == '\\' && i + 1 < text.Length)
            {
                builder.Append(Unescape(text[i + 1]));
                i += 2;
                continue;
            }

            builder.Append(c);
            i++;
        }

        throw new FormatException($"Unterminated {quote}-quoted text.");
    }

    // Only the escapes that turn up in patterns; octal and unicode escapes are beyond what checks need.
    private static char Unescape(char c) => c switch
    {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        'b' => '\b',
        'f' => '\f',
        _ => c,
    };

    private static string ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.' && !(i + 1 < text.Length && text[i + 1] == '.'))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1;
            if (exponent < text.Length && text[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }

        return text[start..i];
    }

    private static string ReadOperator(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && OperatorChars.Contains(text[i], StringComparison.Ordinal))
        {
            i++;
        }

        var op = text[start..i];
        if (op.Length > 1 && op.IndexOfAny(OperatorSignAllowers.ToCharArray()) < 0)
        {
            // As in PostgreSQL's lexer: drop trailing + and - so "x>-5" is "x", ">", "-", "5".
            var length = op.Length;
            while (length > 1 && op[length - 1] is '+' or '-')
            {
                length--;
            }

            op = op[..length];
            i = start + length;
        }

        return op;
    }
}
