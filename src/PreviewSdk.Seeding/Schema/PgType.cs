namespace PreviewSdk.Seeding.Schema;

/// <summary>
/// A column type, reduced to what generating a value needs. Domains keep their name and checks and point at their
/// base type; arrays point at their element type.
/// </summary>
/// <param name="Name">The type as PostgreSQL formats it (<c>format_type</c>), e.g. <c>character varying(40)</c>, <c>numeric(10,2)</c>, <c>order_status</c>.</param>
/// <param name="Kind">The family of values.</param>
public sealed record PgType(string Name, PgTypeKind Kind)
{
    /// <summary>The maximum length of <c>varchar(n)</c>/<c>char(n)</c>, or null when unbounded.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The precision of <c>numeric(p,s)</c>, or null when unconstrained.</summary>
    public int? Precision { get; init; }

    /// <summary>The scale of <c>numeric(p,s)</c>, or null when unconstrained.</summary>
    public int? Scale { get; init; }

    /// <summary>The element type of an array (<see cref="PgTypeKind.Array"/>), else null.</summary>
    public PgType? Element { get; init; }

    /// <summary>The labels of an enum type (<see cref="PgTypeKind.Enum"/>) in declaration order, else empty.</summary>
    public IReadOnlyList<string> EnumLabels { get; init; } = [];

    /// <summary>The schema-qualified type name to use in SQL and binary COPY for enums and domains, e.g. <c>public.order_status</c>.</summary>
    public string? QualifiedName { get; init; }

    /// <summary>For a domain: its base type (itself possibly a domain's base, resolved); else null.</summary>
    public PgType? DomainBase { get; init; }

    /// <summary>For a domain: its CHECK constraints, with <c>VALUE</c> standing for the column.</summary>
    public IReadOnlyList<CheckConstraint> DomainChecks { get; init; } = [];

    /// <summary>For a range or multirange: the kind of its bounds (<c>int4range</c>: <see cref="PgTypeKind.Int32"/>); else null.</summary>
    public PgTypeKind? Subtype { get; init; }

    /// <summary>For a <c>bit(n)</c>/<c>varbit(n)</c>: n; else null.</summary>
    public int? BitLength { get; init; }

    /// <summary>
    /// The name to cast a value's text form to in SQL, whatever the search path: built-in types as
    /// <c>format_type</c> prints them (<c>bit(8)</c>, <c>tsvector</c>), others schema-qualified and quoted
    /// (<c>public.email_address</c>, <c>public._mood</c> for an array). Null for a type read without it.
    /// </summary>
    public string? SqlName { get; init; }

    /// <summary>The type values are generated for: the domain's base type for a domain, else this type.</summary>
    public PgType ValueType => DomainBase ?? this;

    /// <summary>
    /// True for types whose values are generated (or overridden) in PostgreSQL's text form and loaded through a
    /// staging table that casts them (<see cref="PgTypeKind.TsVector"/>, ranges, geometry, bit strings, xml…, any
    /// type the seeder does not know, and arrays of those): binary COPY has no writer for them.
    /// </summary>
    public bool IsTextForm => ValueType.Kind switch
    {
        PgTypeKind.Array => ValueType.Element is { } element && element.IsTextForm,
        PgTypeKind.Unsupported or PgTypeKind.TsVector or PgTypeKind.TsQuery or PgTypeKind.Range or PgTypeKind.Multirange
            or PgTypeKind.Point or PgTypeKind.Line or PgTypeKind.LineSegment or PgTypeKind.Box or PgTypeKind.Path
            or PgTypeKind.Polygon or PgTypeKind.Circle or PgTypeKind.Cidr or PgTypeKind.MacAddr or PgTypeKind.MacAddr8
            or PgTypeKind.Bit or PgTypeKind.VarBit or PgTypeKind.Xml => true,
        _ => false,
    };
}

/// <summary>The families of column types the seeder generates values for.</summary>
public enum PgTypeKind
{
    /// <summary>A type the seeder has no generator for: nullable columns are left NULL, others need an override.</summary>
    Unsupported,

    /// <summary><c>boolean</c> (CLR <see cref="bool"/>).</summary>
    Boolean,

    /// <summary><c>smallint</c> (<see cref="short"/>).</summary>
    Int16,

    /// <summary><c>integer</c> (<see cref="int"/>).</summary>
    Int32,

    /// <summary><c>bigint</c> (<see cref="long"/>).</summary>
    Int64,

    /// <summary><c>numeric</c>/<c>decimal</c> (<see cref="decimal"/>).</summary>
    Numeric,

    /// <summary><c>real</c> (<see cref="float"/>).</summary>
    Real,

    /// <summary><c>double precision</c> (<see cref="double"/>).</summary>
    Double,

    /// <summary><c>money</c> (<see cref="decimal"/>).</summary>
    Money,

    /// <summary><c>text</c>, <c>varchar</c>, <c>char</c>, <c>citext</c> (<see cref="string"/>).</summary>
    Text,

    /// <summary><c>uuid</c> (<see cref="Guid"/>).</summary>
    Uuid,

    /// <summary><c>json</c> (<see cref="string"/> holding JSON).</summary>
    Json,

    /// <summary><c>jsonb</c> (<see cref="string"/> holding JSON).</summary>
    Jsonb,

    /// <summary><c>date</c> (<see cref="DateOnly"/>).</summary>
    Date,

    /// <summary><c>time</c> (<see cref="TimeOnly"/>).</summary>
    Time,

    /// <summary><c>timestamp without time zone</c> (<see cref="DateTime"/>, kind Unspecified).</summary>
    Timestamp,

    /// <summary><c>timestamp with time zone</c> (<see cref="DateTime"/>, kind Utc).</summary>
    TimestampTz,

    /// <summary><c>interval</c> (<see cref="TimeSpan"/>).</summary>
    Interval,

    /// <summary><c>bytea</c> (<see cref="byte"/>[]).</summary>
    Bytea,

    /// <summary><c>inet</c> (<see cref="System.Net.IPAddress"/>).</summary>
    Inet,

    /// <summary>An enum type (<see cref="string"/>: one of <see cref="PgType.EnumLabels"/>).</summary>
    Enum,

    /// <summary>An array of <see cref="PgType.Element"/> (a CLR array of the element's type; text form for text-form elements).</summary>
    Array,

    /// <summary><c>tsvector</c> (text form: <c>'word' 'other'</c>).</summary>
    TsVector,

    /// <summary><c>tsquery</c> (text form: <c>word &amp; other</c>).</summary>
    TsQuery,

    /// <summary>A built-in range (<c>int4range</c>, <c>daterange</c>…; <see cref="PgType.Subtype"/>), text form <c>[1,10)</c>.</summary>
    Range,

    /// <summary>A built-in multirange (<c>int4multirange</c>…), text form <c>{[1,3),[5,9)}</c>.</summary>
    Multirange,

    /// <summary><c>point</c>, text form <c>(1.5,2)</c>.</summary>
    Point,

    /// <summary><c>line</c>, text form <c>{A,B,C}</c>.</summary>
    Line,

    /// <summary><c>lseg</c>, text form <c>[(x1,y1),(x2,y2)]</c>.</summary>
    LineSegment,

    /// <summary><c>box</c>, text form <c>(x1,y1),(x2,y2)</c>.</summary>
    Box,

    /// <summary><c>path</c>, text form <c>[(x1,y1),…]</c> (open) or <c>((x1,y1),…)</c> (closed).</summary>
    Path,

    /// <summary><c>polygon</c>, text form <c>((x1,y1),…)</c>.</summary>
    Polygon,

    /// <summary><c>circle</c>, text form <c>&lt;(x,y),r&gt;</c>.</summary>
    Circle,

    /// <summary><c>cidr</c>, text form <c>192.0.2.0/24</c>.</summary>
    Cidr,

    /// <summary><c>macaddr</c>, text form <c>00:00:5e:00:53:01</c>.</summary>
    MacAddr,

    /// <summary><c>macaddr8</c>, text form <c>00:00:5e:ef:10:00:00:01</c>.</summary>
    MacAddr8,

    /// <summary><c>bit(n)</c>, text form <c>0101</c>.</summary>
    Bit,

    /// <summary><c>bit varying(n)</c>, text form <c>0101</c>.</summary>
    VarBit,

    /// <summary><c>xml</c>, a small document as text.</summary>
    Xml,
}
