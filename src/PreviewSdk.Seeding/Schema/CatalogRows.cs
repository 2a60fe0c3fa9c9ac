namespace PreviewSdk.Seeding.Schema;

// The rows PostgresSchemaReader reads from the catalog, one record per query, before they become the schema model.

/// <summary>A table (<c>pg_class</c>).</summary>
internal sealed record CatalogTable(uint Oid, string Schema, string Name);

/// <summary>A column (<c>pg_attribute</c> with its default from <c>pg_attrdef</c>).</summary>
internal sealed record CatalogColumn(
    uint TableOid,
    string Name,
    uint TypeOid,
    int TypeModifier,
    bool NotNull,
    char Identity,
    char Generated,
    string? Default);

/// <summary>
/// A type (<c>pg_type</c>) as used with one type modifier: a column's type, or one reached from it through a
/// domain's base or an array's element.
/// </summary>
internal sealed record CatalogType(
    uint Oid,
    int Modifier,
    string Formatted,
    string Schema,
    string Name,
    char Type,
    bool NotNull,
    uint? BaseOid,
    int? BaseModifier,
    uint? ElementOid,
    IReadOnlyList<string> EnumLabels);

/// <summary>A primary key, UNIQUE, FOREIGN KEY or CHECK constraint of a table (<c>pg_constraint</c>).</summary>
internal sealed record CatalogConstraint(
    uint TableOid,
    string Name,
    char Type,
    IReadOnlyList<string> Columns,
    string? ReferencedSchema,
    string? ReferencedTable,
    IReadOnlyList<string> ReferencedColumns,
    string? Definition);

/// <summary>A unique index over plain columns that backs no constraint (<c>pg_index</c>).</summary>
internal sealed record CatalogUniqueIndex(uint TableOid, string Name, IReadOnlyList<string> Columns);

/// <summary>A leaf partition of a partitioned table, with the bound its rows meet (<c>pg_get_partition_constraintdef</c>).</summary>
internal sealed record CatalogPartition(uint TableOid, string Name, string? Bound, bool IsDefault);

/// <summary>A CHECK constraint of a domain (<c>pg_constraint</c> with <c>contypid</c>).</summary>
internal sealed record CatalogDomainCheck(uint TypeOid, string Name, string Definition);

/// <summary>Everything one read of the catalog returns.</summary>
internal sealed record CatalogSnapshot(
    IReadOnlyList<CatalogTable> Tables,
    IReadOnlyList<CatalogColumn> Columns,
    IReadOnlyList<CatalogType> Types,
    IReadOnlyList<CatalogDomainCheck> DomainChecks,
    IReadOnlyList<CatalogConstraint> Constraints,
    IReadOnlyList<CatalogUniqueIndex> UniqueIndexes)
{
    /// <summary>The leaf partitions of the partitioned tables read.</summary>
    public IReadOnlyList<CatalogPartition> Partitions { get; init; } = [];
}
