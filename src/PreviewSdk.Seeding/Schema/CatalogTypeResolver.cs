using PreviewSdk.Seeding.Checks;

namespace PreviewSdk.Seeding.Schema;

/// <summary>
/// Turns the catalog's type rows into <see cref="PgType"/>s: base types mapped to a <see cref="PgTypeKind"/> with
/// their length or precision decoded from the type modifier, enums with their labels, arrays with their element,
/// and domains resolved down to their final base type with the checks of every domain on the way.
/// </summary>
internal sealed class CatalogTypeResolver
{
    // Four bytes of varlena header that PostgreSQL adds to the length or precision it stores in a type modifier.
    private const int VarlenaHeaderSize = 4;

    // Built-in base types by their pg_catalog name.
    private static readonly Dictionary<string, PgTypeKind> BuiltInKinds = new(StringComparer.Ordinal)
    {
        ["bool"] = PgTypeKind.Boolean,
        ["int2"] = PgTypeKind.Int16,
        ["int4"] = PgTypeKind.Int32,
        ["int8"] = PgTypeKind.Int64,
        ["numeric"] = PgTypeKind.Numeric,
        ["float4"] = PgTypeKind.Real,
        ["float8"] = PgTypeKind.Double,
        ["money"] = PgTypeKind.Money,
        ["text"] = PgTypeKind.Text,
        ["varchar"] = PgTypeKind.Text,
        ["bpchar"] = PgTypeKind.Text,
        ["uuid"] = PgTypeKind.Uuid,
        ["json"] = PgTypeKind.Json,
        ["jsonb"] = PgTypeKind.Jsonb,
        ["date"] = PgTypeKind.Date,
        ["time"] = PgTypeKind.Time,
        ["timestamp"] = PgTypeKind.Timestamp,
        ["timestamptz"] = PgTypeKind.TimestampTz,
        ["interval"] = PgTypeKind.Interval,
        ["bytea"] = PgTypeKind.Bytea,
        ["inet"] = PgTypeKind.Inet,
        ["tsvector"] = PgTypeKind.TsVector,
        ["tsquery"] = PgTypeKind.TsQuery,
        ["point"] = PgTypeKind.Point,
        ["line"] = PgTypeKind.Line,
        ["lseg"] = PgTypeKind.LineSegment,
        ["box"] = PgTypeKind.Box,
        ["path"] = PgTypeKind.Path,
        ["polygon"] = PgTypeKind.Polygon,
        ["circle"] = PgTypeKind.Circle,
        ["cidr"] = PgTypeKind.Cidr,
        ["macaddr"] = PgTypeKind.MacAddr,
        ["macaddr8"] = PgTypeKind.MacAddr8,
        ["bit"] = PgTypeKind.Bit,
        ["varbit"] = PgTypeKind.VarBit,
        ["xml"] = PgTypeKind.Xml,
    };

    // Built-in ranges and multiranges by their bounds' kind.
    private static readonly Dictionary<string, (PgTypeKind Kind, PgTypeKind Subtype)> BuiltInRanges = new(StringComparer.Ordinal)
    {
        ["int4range"] = (PgTypeKind.Range, PgTypeKind.Int32),
        ["int8range"] = (PgTypeKind.Range, PgTypeKind.Int64),
        ["numrange"] = (PgTypeKind.Range, PgTypeKind.Numeric),
        ["tsrange"] = (PgTypeKind.Range, PgTypeKind.Timestamp),
        ["tstzrange"] = (PgTypeKind.Range, PgTypeKind.TimestampTz),
        ["daterange"] = (PgTypeKind.Range, PgTypeKind.Date),
        ["int4multirange"] = (PgTypeKind.Multirange, PgTypeKind.Int32),
        ["int8multirange"] = (PgTypeKind.Multirange, PgTypeKind.Int64),
        ["nummultirange"] = (PgTypeKind.Multirange, PgTypeKind.Numeric),
        ["tsmultirange"] = (PgTypeKind.Multirange, PgTypeKind.Timestamp),
        ["tstzmultirange"] = (PgTypeKind.Multirange, PgTypeKind.TimestampTz),
        ["datemultirange"] = (PgTypeKind.Multirange, PgTypeKind.Date),
    };

    private readonly Dictionary<(uint Oid, int Modifier), CatalogType> rows;
    private readonly ILookup<uint, CatalogDomainCheck> domainChecks;
    private readonly Dictionary<(uint Oid, int Modifier), PgType> resolved = [];

    public CatalogTypeResolver(IEnumerable<CatalogType> types, IEnumerable<CatalogDomainCheck> domainChecks)
    {
        rows = types.ToDictionary(type => (type.Oid, type.Modifier));
        this.domainChecks = domainChecks.ToLookup(check => check.TypeOid);
    }

    /// <summary>The type of a column declared with this type and modifier.</summary>
    public PgType Resolve(uint oid, int modifier)
    {
        if (resolved.TryGetValue((oid, modifier), out var known))
        {
            return known;
        }

        var row = rows[(oid, modifier)];
        var type = row switch
        {
            { Type: 'd', BaseOid: { } baseOid } => Domain(row, Resolve(baseOid, row.BaseModifier ?? -1)),
            { Type: 'e' } => new PgType(row.Formatted, PgTypeKind.Enum) { EnumLabels = row.EnumLabels, QualifiedName = Qualified(row) },
            { ElementOid: { } elementOid } => Array(row, Resolve(elementOid, modifier)),
            { Type: 'b' } => Base(row),
            { Type: 'r' or 'm' } when row.Schema == "pg_catalog" && BuiltInRanges.TryGetValue(row.Name, out var range) =>
                new PgType(row.Formatted, range.Kind) { Subtype = range.Subtype },
            _ => new PgType(row.Formatted, PgTypeKind.Unsupported),
        };
        type = type with { SqlName = SqlName(row) };
        resolved[(oid, modifier)] = type;
        return type;
    }

    /// <summary>True when this type is a domain declared NOT NULL, or a domain over one.</summary>
    public bool IsNotNullDomain(uint oid, int modifier)
    {
        var row = rows[(oid, modifier)];
        return row.Type == 'd' && (row.NotNull || (row.BaseOid is { } baseOid && IsNotNullDomain(baseOid, row.BaseModifier ?? -1)));
    }

    // A domain's values are its base type's values: it takes the base's kind and bounds, and must pass its own checks
    // and, for a domain over a domain, the inner one's too.
    private PgType Domain(CatalogType row, PgType baseType)
    {
        var valueType = baseType.DomainBase ?? baseType;
        var checks = domainChecks[row.Oid]
            .OrderBy(check => check.Name, StringComparer.Ordinal)
            .Select(check => new CheckConstraint(check.Name, check.Definition, [], CheckExpressionParser.Parse(check.Definition)))
            .Concat(baseType.DomainChecks)
            .ToList();
        return new PgType(row.Formatted, valueType.Kind)
        {
            MaxLength = valueType.MaxLength,
            Precision = valueType.Precision,
            Scale = valueType.Scale,
            Element = valueType.Element,
            EnumLabels = valueType.EnumLabels,
            Subtype = valueType.Subtype,
            BitLength = valueType.BitLength,
            QualifiedName = Qualified(row),
            DomainBase = valueType,
            DomainChecks = checks,
        };
    }

    // An array of a type the seeder does not know is an array all the same: its values are written in text form.
    private static PgType Array(CatalogType row, PgType element) => new(row.Formatted, PgTypeKind.Array) { Element = element };

    // pg_catalog is always searched, so format_type's text names a built-in type whatever the search path; any
    // other type is named with its schema (the type modifier of an extension type is applied by the column).
    private static string SqlName(CatalogType row) =>
        row.Schema == "pg_catalog" ? row.Formatted : $"{SqlNames.Quote(row.Schema)}.{SqlNames.Quote(row.Name)}";

    private static PgType Base(CatalogType row)
    {
        var kind = row.Schema == "pg_catalog" && BuiltInKinds.TryGetValue(row.Name, out var builtIn) ? builtIn
            // citext lives in whatever schema its extension was created in.
            : row.Name == "citext" ? PgTypeKind.Text
            : PgTypeKind.Unsupported;
        var type = WithBitLength(row, new PgType(row.Formatted, kind));
        if (row.Modifier < VarlenaHeaderSize)
        {
            return type;
        }

        var stored = row.Modifier - VarlenaHeaderSize;
        return row.Name switch
        {
            "varchar" or "bpchar" when kind == PgTypeKind.Text => type with { MaxLength = stored },
            // Precision in the high 16 bits; scale in the low 11 bits, signed (PostgreSQL 15 allows a negative scale).
            "numeric" when kind == PgTypeKind.Numeric => type with { Precision = (stored >> 16) & 0xFFFF, Scale = ((stored & 0x7FF) ^ 1024) - 1024 },
            _ => type,
        };
    }

    // bit(n) and varbit(n) store n itself, without a header.
    private static PgType WithBitLength(CatalogType row, PgType type) =>
        type.Kind is PgTypeKind.Bit or PgTypeKind.VarBit && row.Modifier > 0 ? type with { BitLength = row.Modifier } : type;

    private static string Qualified(CatalogType row) => $"{row.Schema}.{row.Name}";
}
