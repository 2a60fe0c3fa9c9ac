using System.Globalization;
using System.Text.RegularExpressions;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// Decides whether a column's new type holds every value of its old one (<c>varchar(100)</c> → <c>varchar(200)</c>,
/// <c>integer</c> → <c>bigint</c>, anything → <c>text</c>): such a change is reported, not failed. Types are compared
/// as PostgreSQL's <c>format_type</c> writes them.
/// </summary>
internal static partial class ColumnTypeWidening
{
    // How many digits before the decimal point each integer type needs.
    private static readonly Dictionary<string, int> IntegerDigits = new(StringComparer.Ordinal)
    {
        ["smallint"] = 5,
        ["integer"] = 10,
        ["bigint"] = 19,
    };

    private static readonly string[] TextTypes = ["text", "character varying", "character", "\"char\"", "name", "citext"];

    public static bool IsWidening(string before, string after)
    {
        if (before == after || after == "text")
        {
            return true;
        }

        var (beforeBase, beforeArgs) = Split(before);
        var (afterBase, afterArgs) = Split(after);
        if (TextTypes.Contains(beforeBase) && afterBase == "character varying")
        {
            // varchar without a length holds any text; with one, at least the old length.
            return afterArgs.Length == 0 || (beforeArgs.Length == 1 && beforeBase != "text" && afterArgs[0] >= beforeArgs[0]);
        }

        if (beforeBase == afterBase && beforeBase is "character" or "bit varying")
        {
            return afterArgs.Length == 0 || (beforeArgs.Length == 1 && afterArgs[0] >= beforeArgs[0]);
        }

        if (IntegerDigits.TryGetValue(beforeBase, out var digits))
        {
            return (IntegerDigits.TryGetValue(afterBase, out var wider) && wider >= digits)
                || afterBase is "double precision" && digits <= 10
                || (afterBase == "numeric" && (afterArgs.Length == 0 || IntegerPlaces(afterArgs) >= digits));
        }

        return (beforeBase, afterBase) switch
        {
            ("real", "double precision") => true,
            ("numeric", "numeric") => afterArgs.Length == 0
                || (beforeArgs.Length > 0 && Scale(afterArgs) >= Scale(beforeArgs) && IntegerPlaces(afterArgs) >= IntegerPlaces(beforeArgs)),
            ("timestamp without time zone", "timestamp with time zone") => Precision(afterArgs) >= Precision(beforeArgs),
            ("timestamp without time zone" or "timestamp with time zone" or "time without time zone" or "time with time zone" or "interval", _)
                when beforeBase == afterBase => Precision(afterArgs) >= Precision(beforeArgs),
            ("json", "jsonb") => true,
            _ => false,
        };
    }

    private static int Scale(int[] args) => args.Length > 1 ? args[1] : 0;

    private static int IntegerPlaces(int[] args) => args[0] - Scale(args);

    // Without a precision, timestamps and times keep microseconds (6).
    private static int Precision(int[] args) => args.Length > 0 ? args[0] : 6;

    /// <summary><c>numeric(10,2)</c> → (<c>numeric</c>, [10, 2]); <c>timestamp(3) with time zone</c> → (<c>timestamp with time zone</c>, [3]).</summary>
    private static (string Base, int[] Args) Split(string type)
    {
        var match = Modifier().Match(type);
        if (!match.Success)
        {
            return (type, []);
        }

        var args = match.Groups[1].Value.Split(',').Select(part => int.Parse(part, CultureInfo.InvariantCulture)).ToArray();
        var baseType = (type[..match.Index] + type[(match.Index + match.Length)..]).Replace("  ", " ", StringComparison.Ordinal).Trim();
        return (baseType, args);
    }

    [GeneratedRegex(@"\((\d+(?:,\d+)?)\)")]
    private static partial Regex Modifier();
}
