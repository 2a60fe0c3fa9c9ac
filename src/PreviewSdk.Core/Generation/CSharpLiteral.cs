using System.Globalization;
using System.Text;

namespace PreviewSdk.Core.Generation;

/// <summary>Turns names and values from preview.yaml into safe C# source text.</summary>
internal static class CSharpLiteral
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "builder", "args",
    ];

    /// <summary>A double-quoted C# string literal for <paramref name="value"/>.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            text.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                // U+2028 and U+2029 end a line in C# source, like \n: raw, they break the literal (CS1010).
                _ when char.IsControl(character) || char.IsSurrogate(character) || character is '\u2028' or '\u2029' =>
                    "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// A camelCase local variable name for the resource <paramref name="name"/> (<c>shop-api</c> → <c>shopApi</c>),
    /// made unique among <paramref name="taken"/>, which it joins.
    /// </summary>
    public static string Variable(string name, ISet<string> taken)
    {
        var text = new StringBuilder();
        var upperNext = false;
        foreach (var character in name)
        {
            if (!char.IsAsciiLetterOrDigit(character))
            {
                upperNext = text.Length > 0;
                continue;
            }

            text.Append(upperNext ? char.ToUpperInvariant(character) : character);
            upperNext = false;
        }

        var stem = text.Length == 0 || char.IsAsciiDigit(text[0]) ? "resource" + text : text.ToString();
        if (Keywords.Contains(stem))
        {
            stem += "Resource";
        }

        var candidate = stem;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = stem + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
