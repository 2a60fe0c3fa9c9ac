using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>
/// Turns a value written as text (in preview.yaml or a CHECK) into the CLR value a column of a given type takes,
/// the same one the generators produce: what binary COPY writes. Culture-invariant throughout.
/// </summary>
internal static class ValueConverter
{
    /// <summary>The value of <paramref name="text"/> for <paramref name="type"/>, or null with the reason it is not one.</summary>
    public static object? TryConvert(string text, PgType type, out string? error)
    {
        error = null;
        var valueType = type.ValueType;
        if (OrdinalScale.For(valueType) is { } scale)
        {
            if (scale.TryParse(text, out var ordinal, out var units) && scale.Limits.Lo <= units && units <= scale.Limits.Hi)
            {
                return ordinal;
            }

            error = $"it is not a {type.Name} value";
            return null;
        }

        if (type.IsTextForm)
        {
            // PostgreSQL reads the text form when the row is loaded (a staging table casts it), and reports a
            // value it cannot read; the seeder checks only what it can tell from the text.
            return TextForms.Check(text, valueType, out error) ? text : null;
        }

        object? value = valueType.Kind switch
        {
            PgTypeKind.Boolean => ParseBoolean(text),
            PgTypeKind.Text => text,
            PgTypeKind.Uuid => Guid.TryParse(text, out var guid) ? guid : null,
            PgTypeKind.Json or PgTypeKind.Jsonb => IsJson(text) ? text : null,
            PgTypeKind.Bytea => ParseBytes(text),
            PgTypeKind.Inet => IPAddress.TryParse(text.Split('/')[0], out var address) ? address : null,
            PgTypeKind.Enum => valueType.EnumLabels.Contains(text) ? text : null,
            PgTypeKind.Array when valueType.Element is { } element => ParseArray(text, element),
            _ => null,
        };
        if (value is null)
        {
            error = valueType.Kind == PgTypeKind.Enum
                ? $"it is not a label of {type.Name} ({string.Join(", ", valueType.EnumLabels)})"
                : $"it is not a {type.Name} value";
        }

        return value;
    }

    /// <summary>The CLR element type of a column type's values, for typed arrays.</summary>
    public static Type ClrType(PgType type) => type.ValueType.Kind switch
    {
        PgTypeKind.Boolean => typeof(bool),
        PgTypeKind.Int16 => typeof(short),
        PgTypeKind.Int32 => typeof(int),
        PgTypeKind.Int64 => typeof(long),
        PgTypeKind.Numeric or PgTypeKind.Money => typeof(decimal),
        PgTypeKind.Real => typeof(float),
        PgTypeKind.Double => typeof(double),
        PgTypeKind.Uuid => typeof(Guid),
        PgTypeKind.Date => typeof(DateOnly),
        PgTypeKind.Time => typeof(TimeOnly),
        PgTypeKind.Timestamp or PgTypeKind.TimestampTz => typeof(DateTime),
        PgTypeKind.Interval => typeof(TimeSpan),
        PgTypeKind.Bytea => typeof(byte[]),
        PgTypeKind.Inet => typeof(IPAddress),
        PgTypeKind.Array => ClrType(type.ValueType.Element!).MakeArrayType(),
        _ => typeof(string),
    };

    private static object? ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "t" or "true" or "y" or "yes" or "on" or "1" => true,
        "f" or "false" or "n" or "no" or "off" or "0" => false,
        _ => null,
    };

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // \x0a0b as PostgreSQL writes bytea; anything else is taken as its UTF-8 bytes.
    private static byte[]? ParseBytes(string text)
    {
        if (!text.StartsWith("\\x", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        try
        {
            return Convert.FromHexString(text.AsSpan(2));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // {a,b,"c d"} as PostgreSQL writes arrays, one dimension.
    private static Array? ParseArray(string text, PgType element)
    {
        var trimmed = text.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[^1] != '}')
        {
            return null;
        }

        var items = SplitArrayItems(trimmed[1..^1]);
        var array = Array.CreateInstance(ClrType(element), items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (TryConvert(items[i], element, out _) is not { } item)
            {
                return null;
            }

            array.SetValue(item, i);
        }

        return array;
    }

    private static List<string> SplitArrayItems(string body)
    {
        var items = new List<string>();
        if (body.Trim().Length == 0)
        {
            return items;
        }

        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                current.Append(body[++i]);
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                items.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        items.Add(current.ToString().Trim());
        return items;
    }
}
