using System.Net;
using Npgsql;
using NpgsqlTypes;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Loading;

/// <summary>
/// Writes the values of one column into a binary COPY. Chosen once per column (not per cell) from the column's
/// <see cref="PgType"/>, so the hot loop is a virtual call, an unbox and Npgsql's typed <c>Write&lt;T&gt;</c>.
/// </summary>
/// <remarks>
/// A scalar field of binary COPY carries no type OID: PostgreSQL hands the bytes to the column type's receive
/// function, which is why a domain is written as its base type. An array does carry its element type's OID and
/// PostgreSQL checks it (text[] into a varchar[] column fails with 42804), so array elements name their exact type:
/// varchar, bpchar and text apart, enums and domains by their schema-qualified names.
/// </remarks>
internal abstract class ColumnWriter
{
    /// <summary>Writes one non-null value; the returned task has usually completed (Npgsql only awaits on a full buffer).</summary>
    public abstract Task WriteAsync(NpgsqlBinaryImporter importer, object value);

    /// <summary>True when Npgsql must know the type by name, which it only does for types that existed when it loaded them.</summary>
    public abstract bool NeedsDatabaseTypes { get; }

    /// <summary>The writer for values of <paramref name="type"/>.</summary>
    public static ColumnWriter For(PgType type)
    {
        var value = type.ValueType;
        return value.Kind switch
        {
            PgTypeKind.Boolean => new ByDbType<bool>(NpgsqlDbType.Boolean),
            PgTypeKind.Int16 => new ByDbType<short>(NpgsqlDbType.Smallint),
            PgTypeKind.Int32 => new ByDbType<int>(NpgsqlDbType.Integer),
            PgTypeKind.Int64 => new ByDbType<long>(NpgsqlDbType.Bigint),
            PgTypeKind.Numeric => new ByDbType<decimal>(NpgsqlDbType.Numeric),
            PgTypeKind.Real => new ByDbType<float>(NpgsqlDbType.Real),
            PgTypeKind.Double => new ByDbType<double>(NpgsqlDbType.Double),
            PgTypeKind.Money => new ByDbType<decimal>(NpgsqlDbType.Money),
            // varchar, bpchar, citext and text share text's binary form, and a scalar field names no type.
            PgTypeKind.Text => new ByDbType<string>(NpgsqlDbType.Text),
            PgTypeKind.Uuid => new ByDbType<Guid>(NpgsqlDbType.Uuid),
            PgTypeKind.Json => new ByDbType<string>(NpgsqlDbType.Json),
            PgTypeKind.Jsonb => new ByDbType<string>(NpgsqlDbType.Jsonb),
            PgTypeKind.Date => new ByDbType<DateOnly>(NpgsqlDbType.Date),
            PgTypeKind.Time => new ByDbType<TimeOnly>(NpgsqlDbType.Time),
            PgTypeKind.Timestamp => new ByDbType<DateTime>(NpgsqlDbType.Timestamp),
            PgTypeKind.TimestampTz => new ByDbType<DateTime>(NpgsqlDbType.TimestampTz),
            PgTypeKind.Interval => new ByDbType<TimeSpan>(NpgsqlDbType.Interval),
            PgTypeKind.Bytea => new ByDbType<byte[]>(NpgsqlDbType.Bytea),
            PgTypeKind.Inet => new ByDbType<IPAddress>(NpgsqlDbType.Inet),
            PgTypeKind.Enum => new ByName<string>(NameOf(value)),
            PgTypeKind.Array when value.Element is { } element => ForArray(element),
            _ => Inferred.Instance,
        };
    }

    private static ColumnWriter ForArray(PgType element)
    {
        if (element.DomainBase is not null || element.Kind == PgTypeKind.Enum)
        {
            return ForArrayByName(element.ValueType.Kind, NameOf(element) + "[]");
        }

        const NpgsqlDbType array = NpgsqlDbType.Array;
        return element.Kind switch
        {
            PgTypeKind.Boolean => new ByDbType<bool[]>(array | NpgsqlDbType.Boolean),
            PgTypeKind.Int16 => new ByDbType<short[]>(array | NpgsqlDbType.Smallint),
            PgTypeKind.Int32 => new ByDbType<int[]>(array | NpgsqlDbType.Integer),
            PgTypeKind.Int64 => new ByDbType<long[]>(array | NpgsqlDbType.Bigint),
            PgTypeKind.Numeric => new ByDbType<decimal[]>(array | NpgsqlDbType.Numeric),
            PgTypeKind.Real => new ByDbType<float[]>(array | NpgsqlDbType.Real),
            PgTypeKind.Double => new ByDbType<double[]>(array | NpgsqlDbType.Double),
            PgTypeKind.Money => new ByDbType<decimal[]>(array | NpgsqlDbType.Money),
            PgTypeKind.Text => TextArray(element),
            PgTypeKind.Uuid => new ByDbType<Guid[]>(array | NpgsqlDbType.Uuid),
            PgTypeKind.Json => new ByDbType<string[]>(array | NpgsqlDbType.Json),
            PgTypeKind.Jsonb => new ByDbType<string[]>(array | NpgsqlDbType.Jsonb),
            PgTypeKind.Date => new ByDbType<DateOnly[]>(array | NpgsqlDbType.Date),
            PgTypeKind.Time => new ByDbType<TimeOnly[]>(array | NpgsqlDbType.Time),
            PgTypeKind.Timestamp => new ByDbType<DateTime[]>(array | NpgsqlDbType.Timestamp),
            PgTypeKind.TimestampTz => new ByDbType<DateTime[]>(array | NpgsqlDbType.TimestampTz),
            PgTypeKind.Interval => new ByDbType<TimeSpan[]>(array | NpgsqlDbType.Interval),
            PgTypeKind.Bytea => new ByDbType<byte[][]>(array | NpgsqlDbType.Bytea),
            PgTypeKind.Inet => new ByDbType<IPAddress[]>(array | NpgsqlDbType.Inet),
            _ => Inferred.Instance,
        };
    }

    /// <summary>An array whose element type Npgsql knows only by name (enum, domain): the CLR array of its values.</summary>
    private static ColumnWriter ForArrayByName(PgTypeKind valueKind, string arrayName) => valueKind switch
    {
        PgTypeKind.Boolean => new ByName<bool[]>(arrayName),
        PgTypeKind.Int16 => new ByName<short[]>(arrayName),
        PgTypeKind.Int32 => new ByName<int[]>(arrayName),
        PgTypeKind.Int64 => new ByName<long[]>(arrayName),
        PgTypeKind.Numeric or PgTypeKind.Money => new ByName<decimal[]>(arrayName),
        PgTypeKind.Real => new ByName<float[]>(arrayName),
        PgTypeKind.Double => new ByName<double[]>(arrayName),
        PgTypeKind.Text or PgTypeKind.Enum or PgTypeKind.Json or PgTypeKind.Jsonb => new ByName<string[]>(arrayName),
        PgTypeKind.Uuid => new ByName<Guid[]>(arrayName),
        PgTypeKind.Date => new ByName<DateOnly[]>(arrayName),
        PgTypeKind.Time => new ByName<TimeOnly[]>(arrayName),
        PgTypeKind.Timestamp or PgTypeKind.TimestampTz => new ByName<DateTime[]>(arrayName),
        PgTypeKind.Interval => new ByName<TimeSpan[]>(arrayName),
        PgTypeKind.Bytea => new ByName<byte[][]>(arrayName),
        PgTypeKind.Inet => new ByName<IPAddress[]>(arrayName),
        _ => Inferred.Instance,
    };

    private static ColumnWriter TextArray(PgType element)
    {
        // format_type prints "character varying(40)", "character(3)", "text" and, for citext, "citext" (or
        // "public.citext" when its schema is not on the search path).
        var name = element.Name;
        if (name.StartsWith("character varying", StringComparison.Ordinal))
        {
            return new ByDbType<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Varchar);
        }

        if (name.StartsWith("character", StringComparison.Ordinal) || name == "bpchar")
        {
            return new ByDbType<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Char);
        }

        return name == "text"
            ? new ByDbType<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Text)
            : new ByName<string[]>(NameOf(element) + "[]");
    }

    private static string NameOf(PgType type) => type.QualifiedName ?? type.Name;

    /// <summary>Values of CLR type <typeparamref name="T"/> written as a built-in PostgreSQL type.</summary>
    private sealed class ByDbType<T>(NpgsqlDbType dbType) : ColumnWriter
    {
        public override bool NeedsDatabaseTypes => false;

        // A value of another CLR type (a planner handing int?[] for integer[], say) still goes through, resolved
        // by Npgsql from its runtime type: slower, but only for the odd value, never on the common path.
        public override Task WriteAsync(NpgsqlBinaryImporter importer, object value) =>
            value is T typed ? importer.WriteAsync(typed, dbType) : importer.WriteAsync(value, dbType);
    }

    /// <summary>Values of CLR type <typeparamref name="T"/> written as a type of the database (enum, domain array).</summary>
    private sealed class ByName<T>(string dataTypeName) : ColumnWriter
    {
        public override bool NeedsDatabaseTypes => true;

        public override Task WriteAsync(NpgsqlBinaryImporter importer, object value) =>
            value is T typed ? importer.WriteAsync(typed, dataTypeName) : importer.WriteAsync(value, dataTypeName);
    }

    /// <summary>A type the seeder does not generate (the planner writes NULL there): Npgsql infers from the value.</summary>
    private sealed class Inferred : ColumnWriter
    {
        public static readonly Inferred Instance = new();

        public override bool NeedsDatabaseTypes => false;

        public override Task WriteAsync(NpgsqlBinaryImporter importer, object value) => importer.WriteAsync(value);
    }
}
