using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>Schemas built in code, short enough to read in a test: types, columns, tables, constraints.</summary>
internal static class Db
{
    public static readonly PgType Int = new("integer", PgTypeKind.Int32);
    public static readonly PgType BigInt = new("bigint", PgTypeKind.Int64);
    public static readonly PgType SmallInt = new("smallint", PgTypeKind.Int16);
    public static readonly PgType Text = new("text", PgTypeKind.Text);
    public static readonly PgType Bool = new("boolean", PgTypeKind.Boolean);
    public static readonly PgType Uuid = new("uuid", PgTypeKind.Uuid);
    public static readonly PgType Date = new("date", PgTypeKind.Date);
    public static readonly PgType Timestamp = new("timestamp without time zone", PgTypeKind.Timestamp);
    public static readonly PgType TimestampTz = new("timestamp with time zone", PgTypeKind.TimestampTz);
    public static readonly PgType Time = new("time without time zone", PgTypeKind.Time);
    public static readonly PgType Interval = new("interval", PgTypeKind.Interval);
    public static readonly PgType Jsonb = new("jsonb", PgTypeKind.Jsonb);
    public static readonly PgType Bytea = new("bytea", PgTypeKind.Bytea);
    public static readonly PgType Inet = new("inet", PgTypeKind.Inet);
    public static readonly PgType Float4 = new("real", PgTypeKind.Real);
    public static readonly PgType Float8 = new("double precision", PgTypeKind.Double);
    public static readonly PgType Money = new("money", PgTypeKind.Money);
    public static readonly PgType TextArray = new("text[]", PgTypeKind.Array) { Element = Text };
    public static readonly PgType IntArray = new("integer[]", PgTypeKind.Array) { Element = Int };

    public static PgType Varchar(int length) => new($"character varying({length})", PgTypeKind.Text) { MaxLength = length };

    public static PgType Char(int length) => new($"character({length})", PgTypeKind.Text) { MaxLength = length };

    public static PgType Numeric(int precision, int scale) => new($"numeric({precision},{scale})", PgTypeKind.Numeric) { Precision = precision, Scale = scale };

    public static PgType EnumType(string name, params string[] labels) =>
        new(name, PgTypeKind.Enum) { EnumLabels = labels, QualifiedName = "public." + name };

    public static PgType Domain(string name, PgType baseType, params CheckConstraint[] checks) =>
        new(name, baseType.Kind) { DomainBase = baseType, DomainChecks = checks, QualifiedName = "public." + name };

    /// <summary>A NOT NULL column.</summary>
    public static ColumnSchema Col(string name, PgType type) => new(name, type, false, null, IdentityKind.None, false);

    /// <summary>A nullable column.</summary>
    public static ColumnSchema Null(string name, PgType type) => new(name, type, true, null, IdentityKind.None, false);

    /// <summary>An <c>integer GENERATED ALWAYS AS IDENTITY</c> column.</summary>
    public static ColumnSchema Id(string name = "id", PgType? type = null) => new(name, type ?? Int, false, null, IdentityKind.Always, false);

    /// <summary>A <c>serial</c> column.</summary>
    public static ColumnSchema Serial(string name = "id") => new(name, Int, false, $"nextval('{name}_seq'::regclass)", IdentityKind.None, false);

    /// <summary>A <c>GENERATED ALWAYS AS (…) STORED</c> column.</summary>
    public static ColumnSchema Generated(string name, PgType type) => new(name, type, true, null, IdentityKind.None, true);

    public static KeyConstraint Key(string name, params string[] columns) => new(name, columns);

    public static ForeignKey Fk(string name, string[] columns, string table, params string[] referenced) => new(name, columns, "public", table, referenced);

    public static ForeignKey Fk(string column, string table, string referenced = "id") => new($"{column}_fkey", [column], "public", table, [referenced]);

    public static CheckConstraint Check(string name, params CheckRule[] rules) =>
        new(name, $"CHECK (<{name}>)", rules.SelectMany(Columns).Distinct().ToList(), rules);

    public static CheckConstraint UnknownCheck(string name, string expression, params string[] columns) => new(name, expression, columns, null);

    /// <summary>A table in the public schema with the given parts (primary key <c>id</c> when it has such a column).</summary>
    public static TableSchema Table(
        string name,
        IReadOnlyList<ColumnSchema> columns,
        KeyConstraint[]? uniques = null,
        ForeignKey[]? keys = null,
        CheckConstraint[]? checks = null,
        KeyConstraint? primaryKey = null,
        bool noPrimaryKey = false)
    {
        var primary = noPrimaryKey ? null : primaryKey ?? (columns.Any(c => c.Name == "id") ? new KeyConstraint($"{name}_pkey", ["id"]) : null);
        return new TableSchema("public", name, columns, primary, uniques ?? [], keys ?? [], checks ?? []);
    }

    public static DatabaseSchema Database(params TableSchema[] tables) => new(tables);

    private static IEnumerable<string> Columns(CheckRule rule) => rule switch
    {
        ColumnRule column => [column.Column],
        CompareColumns compare => [compare.Left, compare.Right],
        AnyOf any => any.Branches.SelectMany(b => b).SelectMany(Columns),
        _ => [],
    };
}
