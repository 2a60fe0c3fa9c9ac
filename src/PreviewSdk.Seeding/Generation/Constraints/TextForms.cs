using System.Net;
using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// What the seeder can tell about a value written in a text-form type's text (preview.yaml overrides, CHECK
/// constants) before PostgreSQL reads it: bit strings of the right digits and length, MAC addresses and networks
/// that parse, XML that is one element. Everything else is PostgreSQL's to read when the row is loaded.
/// </summary>
internal static partial class TextForms
{
    /// <summary>False (with the reason) when <paramref name="text"/> cannot be a value of <paramref name="type"/>.</summary>
    public static bool Check(string text, PgType type, out string? error)
    {
        error = null;
        var ok = type.Kind switch
        {
            PgTypeKind.Bit => BitString().IsMatch(text) && (type.BitLength is not { } length || text.Length == length),
            PgTypeKind.VarBit => BitString().IsMatch(text) && (type.BitLength is not { } most || text.Length <= most),
            PgTypeKind.MacAddr => MacAddress().IsMatch(text) && text.Count(c => c is ':' or '-') == 5,
            PgTypeKind.MacAddr8 => MacAddress().IsMatch(text) && text.Count(c => c is ':' or '-') == 7,
            PgTypeKind.Cidr => IPAddress.TryParse(text.Split('/')[0], out _),
            PgTypeKind.Xml => text.TrimStart().StartsWith('<'),
            _ => true,
        };
        if (!ok)
        {
            error = type.Kind switch
            {
                PgTypeKind.Bit => $"it is not {type.BitLength ?? 1} binary digits (0 or 1)",
                PgTypeKind.VarBit => "it is not binary digits (0 or 1) within the length",
                _ => $"it is not a {type.Name} value in PostgreSQL's text form",
            };
        }

        return ok;
    }

    [GeneratedRegex("^[01]*$")]
    private static partial Regex BitString();

    [GeneratedRegex("^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2})+$")]
    private static partial Regex MacAddress();
}
