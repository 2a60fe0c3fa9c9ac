using System.Globalization;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Tests.Checks;

namespace PreviewSdk.Seeding.Tests.Schema;

/// <summary>
/// The schema model written out as lines of text, so a test states a whole table (or database) in one readable
/// expectation and two reads compare in full (the model's records hold lists, which records compare by reference).
/// </summary>
internal static class SchemaText
{
    public static string Describe(DatabaseSchema schema) =>
        string.Join("\n", schema.Tables.SelectMany(table => (string[])[$"table {table.DisplayName}", .. Lines(table)]));

    public static string[] Lines(TableSchema table) =>
    [
        .. table.Columns.Select(Describe),
        .. table.PrimaryKey is { } key ? (string[])[$"pk {Describe(key)}"] : [],
        .. table.Uniques.Select(unique => $"unique {Describe(unique)}"),
        .. table.ForeignKeys.Select(Describe),
        .. table.Checks.Select(Describe),
    ];

    /// <summary>E.g. <c>price capped_money Numeric(10,2) not null domain(numeric(10,2))</c>.</summary>
    public static string Describe(ColumnSchema column)
    {
        var parts = new List<string> { column.Name, Describe(column.Type), column.IsNullable ? "null" : "not null" };
        if (column.Identity != IdentityKind.None)
        {
            parts.Add($"identity {column.Identity}");
        }

        if (column.IsSerial)
        {
            parts.Add("serial");
        }

        if (column.IsGenerated)
        {
            parts.Add("generated");
        }

        if (column.Default is { } value && !column.IsSerial)
        {
            parts.Add($"default {value}");
        }

        return string.Join(" ", parts);
    }

    /// <summary>E.g. <c>character varying(5)[] Array of character varying(5) Text(5)</c>.</summary>
    public static string Describe(PgType type)
    {
        var text = $"{type.Name} {type.Kind}";
        if (type.MaxLength is { } length)
        {
            text += $"({length})";
        }

        if (type.Precision is { } precision)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"({precision},{type.Scale})");
        }

        if (type.EnumLabels.Count > 0)
        {
            text += $"[{string.Join(",", type.EnumLabels)}]";
        }

        if (type.DomainBase is { } domainBase)
        {
            text += $" domain({Describe(domainBase)})";
        }

        if (type.Element is { } element && type.DomainBase is null)
        {
            text += $" of {Describe(element)}";
        }

        return text;
    }

    public static string Describe(KeyConstraint key) => $"{key.Name}({string.Join(", ", key.Columns)})";

    public static string Describe(ForeignKey key) =>
        $"fk {key.Name}({string.Join(", ", key.Columns)}) -> {key.ReferencedDisplayName}({string.Join(", ", key.ReferencedColumns)})";

    public static string Describe(CheckConstraint check) =>
        $"check {check.Name}({string.Join(", ", check.Columns)}): {RuleText.Describe(check.Rules)}";
}
