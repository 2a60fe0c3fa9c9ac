using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>Builds the <see cref="TableSchema"/>s of tables a test creates with SQL, as introspection would describe them.</summary>
internal static class TestSchema
{
    public static readonly PgType Bool = new("boolean", PgTypeKind.Boolean);
    public static readonly PgType SmallInt = new("smallint", PgTypeKind.Int16);
    public static readonly PgType Integer = new("integer", PgTypeKind.Int32);
    public static readonly PgType BigInt = new("bigint", PgTypeKind.Int64);
    public static readonly PgType Numeric = new("numeric(10,2)", PgTypeKind.Numeric) { Precision = 10, Scale = 2 };
    public static readonly PgType Real = new("real", PgTypeKind.Real);
    public static readonly PgType DoublePrecision = new("double precision", PgTypeKind.Double);
    public static readonly PgType Money = new("money", PgTypeKind.Money);
    public static readonly PgType Text = new("text", PgTypeKind.Text);
    public static readonly PgType Varchar = new("character varying(20)", PgTypeKind.Text) { MaxLength = 20 };
    public static readonly PgType Character = new("character(3)", PgTypeKind.Text) { MaxLength = 3 };
    public static readonly PgType Citext = new("citext", PgTypeKind.Text);
    public static readonly PgType Uuid = new("uuid", PgTypeKind.Uuid);
    public static readonly PgType Json = new("json", PgTypeKind.Json);
    public static readonly PgType Jsonb = new("jsonb", PgTypeKind.Jsonb);
    public static readonly PgType Date = new("date", PgTypeKind.Date);
    public static readonly PgType Time = new("time without time zone", PgTypeKind.Time);
    public static readonly PgType Timestamp = new("timestamp without time zone", PgTypeKind.Timestamp);
    public static readonly PgType TimestampTz = new("timestamp with time zone", PgTypeKind.TimestampTz);
    public static readonly PgType Interval = new("interval", PgTypeKind.Interval);
    public static readonly PgType Bytea = new("bytea", PgTypeKind.Bytea);
    public static readonly PgType Inet = new("inet", PgTypeKind.Inet);

    public static PgType EnumType(string name, params string[] labels) =>
        new(name, PgTypeKind.Enum) { EnumLabels = labels, QualifiedName = $"public.{name}" };

    public static PgType Domain(string name, PgType baseType) =>
        new(name, baseType.Kind) { DomainBase = baseType, QualifiedName = $"public.{name}" };

    public static PgType ArrayOf(PgType element) => new(element.Name + "[]", PgTypeKind.Array) { Element = element };

    public static ColumnSchema Column(
        string name, PgType type, bool nullable = true, IdentityKind identity = IdentityKind.None, string? defaultExpression = null) =>
        new(name, type, nullable, defaultExpression, identity, IsGenerated: false);

    public static TableSchema Table(string name, params ColumnSchema[] columns) =>
        new("public", name, columns, PrimaryKey: null, Uniques: [], ForeignKeys: [], Checks: []);

    /// <summary><paramref name="table"/> with a foreign key from <paramref name="column"/> to its own <paramref name="referenced"/> column.</summary>
    public static TableSchema WithSelfReference(TableSchema table, string column, string referenced) =>
        table with { ForeignKeys = [new ForeignKey($"{table.Name}_{column}_fkey", [column], table.Schema, table.Name, [referenced])] };

    /// <summary>One value per column, in column order: the rows a <see cref="FixedTablePlan"/> yields.</summary>
    public static object?[] Row(params object?[] values) => values;
}
