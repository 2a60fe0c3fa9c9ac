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
        if (type.IsTextForm)
        {
            // Staged as text and cast by PostgreSQL (see StagedCopy).
            return ForValues(PgTypeKind.Text, new Scalar(NpgsqlDbType.Text));
        }

        return value.Kind switch
        {
            PgTypeKind.Enum => new ByName<string>(NameOf(value)),
            PgTypeKind.Array => value.Element is { } element ? ForArray(element) : Inferred.Instance,
            // varchar, bpchar, citext and text share text's binary form, and a scalar field names no type.
            _ => DbTypeOf(value.Kind) is { } dbType ? ForValues(value.Kind, new Scalar(dbType)) : Inferred.Instance,
        };
    }

    private static ColumnWriter ForArray(PgType element)
    {
        if (element.DomainBase is not null || element.Kind == PgTypeKind.Enum)
        {
            return ForValues(element.ValueType.Kind, new NamedArray(NameOf(element) + "[]"));
        }

        var dbType = element.Kind == PgTypeKind.Text ? TextDbTypeOf(element.Name) : DbTypeOf(element.Kind);
        return dbType is { } known
            ? ForValues(element.Kind, new BuiltInArray(known))
            : ForValues(element.Kind, new NamedArray(NameOf(element) + "[]"));
    }

    /// <summary>The writer for <paramref name="kind"/>'s CLR type (see <see cref="PgTypeKind"/>), in the given shape.</summary>
    private static ColumnWriter ForValues(PgTypeKind kind, IShape shape) => kind switch
    {
        PgTypeKind.Boolean => shape.Make<bool>(),
        PgTypeKind.Int16 => shape.Make<short>(),
        PgTypeKind.Int32 => shape.Make<int>(),
        PgTypeKind.Int64 => shape.Make<long>(),
        PgTypeKind.Numeric or PgTypeKind.Money => shape.Make<decimal>(),
        PgTypeKind.Real => shape.Make<float>(),
        PgTypeKind.Double => shape.Make<double>(),
        PgTypeKind.Text or PgTypeKind.Json or PgTypeKind.Jsonb or PgTypeKind.Enum => shape.Make<string>(),
        PgTypeKind.Uuid => shape.Make<Guid>(),
        PgTypeKind.Date => shape.Make<DateOnly>(),
        PgTypeKind.Time => shape.Make<TimeOnly>(),
        PgTypeKind.Timestamp or PgTypeKind.TimestampTz => shape.Make<DateTime>(),
        PgTypeKind.Interval => shape.Make<TimeSpan>(),
        PgTypeKind.Bytea => shape.Make<byte[]>(),
        PgTypeKind.Inet => shape.Make<IPAddress>(),
        _ => Inferred.Instance,
    };

    private static NpgsqlDbType? DbTypeOf(PgTypeKind kind) => kind switch
    {
        PgTypeKind.Boolean => NpgsqlDbType.Boolean,
        PgTypeKind.Int16 => NpgsqlDbType.Smallint,
        PgTypeKind.Int32 => NpgsqlDbType.Integer,
        PgTypeKind.Int64 => NpgsqlDbType.Bigint,
        PgTypeKind.Numeric => NpgsqlDbType.Numeric,
        PgTypeKind.Real => NpgsqlDbType.Real,
        PgTypeKind.Double => NpgsqlDbType.Double,
        PgTypeKind.Money => NpgsqlDbType.Money,
        PgTypeKind.Text => NpgsqlDbType.Text,
        PgTypeKind.Uuid => NpgsqlDbType.Uuid,
        PgTypeKind.Json => NpgsqlDbType.Json,
        PgTypeKind.Jsonb => NpgsqlDbType.Jsonb,
        PgTypeKind.Date => NpgsqlDbType.Date,
        PgTypeKind.Time => NpgsqlDbType.Time,
        PgTypeKind.Timestamp => NpgsqlDbType.Timestamp,
        PgTypeKind.TimestampTz => NpgsqlDbType.TimestampTz,
        PgTypeKind.Interval => NpgsqlDbType.Interval,
        PgTypeKind.Bytea => NpgsqlDbType.Bytea,
        PgTypeKind.Inet => NpgsqlDbType.Inet,
        _ => null,
    };

    /// <summary>The exact built-in type of a text-like array element, or null for one Npgsql must look up by name (citext).</summary>
    private static NpgsqlDbType? TextDbTypeOf(string name)
    {
        // format_type prints "character varying(40)", "character(3)", "text" and, for citext, "citext" (or
        // "public.citext" when its schema is not on the search path).
        if (name.StartsWith("character varying", StringComparison.Ordinal))
        {
            return NpgsqlDbType.Varchar;
        }

        if (name.StartsWith("character", StringComparison.Ordinal) || name == "bpchar")
        {
            return NpgsqlDbType.Char;
        }

        return name == "text" ? NpgsqlDbType.Text : null;
    }

    private static string NameOf(PgType type) => type.QualifiedName ?? type.Name;

    /// <summary>Makes the writer for a CLR value type chosen by <see cref="ForValues"/>: scalar or array, built-in or named.</summary>
    private interface IShape
    {
        ColumnWriter Make<T>();
    }

    private sealed class Scalar(NpgsqlDbType dbType) : IShape
    {
        public ColumnWriter Make<T>() => new ByDbType<T>(dbType);
    }

    private sealed class BuiltInArray(NpgsqlDbType elementDbType) : IShape
    {
        public ColumnWriter Make<T>() => new ByDbType<T[]>(NpgsqlDbType.Array | elementDbType);
    }

    private sealed class NamedArray(string arrayName) : IShape
    {
        public ColumnWriter Make<T>() => new ByName<T[]>(arrayName);
    }

    /// <summary>Values of CLR type <typeparamref name="T"/> written as a built-in PostgreSQL type.</summary>
    private sealed class ByDbType<T>(NpgsqlDbType dbType) : ColumnWriter
    {
        public override bool NeedsDatabaseTypes => false;

        // A value of another CLR type (a planner handing int?[] for integer[], say) still goes through, resolved
        // by Npgsql from its runtime type: slower, but only for the odd value, never on the common path.
        public override Task WriteAsync(NpgsqlBinaryImporter importer, object value) =>
            value is T typed ? importer.WriteAsync(typed, dbType) : importer.WriteAsync(value, dbType);
    }

    /// <summary>Values of CLR type <typeparamref name="T"/> written as a type of the database (enum, arrays of enums, domains, citext).</summary>
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
