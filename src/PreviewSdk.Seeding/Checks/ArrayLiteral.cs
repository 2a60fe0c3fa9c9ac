using System.Text;

namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// Reads the elements of a one-dimensional PostgreSQL array literal such as <c>{new,paid,"on hold"}</c>, which is
/// how <c>col = ANY ('{…}'::text[])</c> spells an IN list.
/// </summary>
internal static class ArrayLiteral
{
    /// <summary>The elements as text, or null for what this does not read (nested arrays, NULL elements, bad syntax).</summary>
    public static List<string>? Elements(string literal)
    {
        var text = literal.Trim();
        if (text.Length < 2 || text[0] != '{' || text[^1] != '}')
        {
            return null;
        }

        var elements = new List<string>();
        var body = text[1..^1];
        if (body.Trim().Length == 0)
        {
            return elements;
        }

        var i = 0;
        while (true)
        {
            while (i < body.Length && char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            var element = i < body.Length && body[i] == '"' ? ReadQuoted(body, ref i) : ReadBare(body, ref i);
            if (element is null)
            {
                return null;
            }

            elements.Add(element);
            while (i < body.Length && char.IsWhiteSpace(body[i]))
            {
                i++;
            }

            if (i == body.Length)
            {
                return elements;
            }

            if (body[i] != ',')
            {
                return null;
            }

            i++;
        }
    }

    private static string? ReadQuoted(string body, ref int i)
    {
        var builder = new StringBuilder();
        i++;
        while (i < body.Length)
        {
            var c = body[i++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\\')
            {
                if (i == body.Length)
                {
                    return null;
                }

                c = body[i++];
            }

            builder.Append(c);
        }

        return null;
    }

    private static string? ReadBare(string body, ref int i)
    {
        var start = i;
        while (i < body.Length && body[i] != ',')
        {
            if (body[i] is '{' or '}' or '"' or '\\')
            {
                return null;
            }

            i++;
        }

        var element = body[start..i].Trim();
        // An unquoted NULL is the null element, which an IN list of values cannot hold.
        return element.Length == 0 || element.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? null : element;
    }
}
