using PreviewSdk.Seeding.Checks;

namespace PreviewSdk.Seeding.Schema;

/// <summary>
/// Assembles the catalog rows of one read into the <see cref="DatabaseSchema"/> model, in a stable order: tables by
/// (schema, name), constraints and unique keys by name, columns by position.
/// </summary>
internal static class CatalogSchemaBuilder
{
    public static DatabaseSchema Build(CatalogSnapshot snapshot)
    {
        var types = new CatalogTypeResolver(snapshot.Types, snapshot.DomainChecks);
        var columns = snapshot.Columns.ToLookup(column => column.TableOid);
        var constraints = snapshot.Constraints.ToLookup(constraint => constraint.TableOid);
        var indexes = snapshot.UniqueIndexes.ToLookup(index => index.TableOid);
        var partitions = snapshot.Partitions.ToLookup(partition => partition.TableOid);
        var tables = snapshot.Tables
            .OrderBy(table => table.Schema, StringComparer.Ordinal)
            .ThenBy(table => table.Name, StringComparer.Ordinal)
            .Select(table => Table(table, columns[table.Oid], constraints[table.Oid], indexes[table.Oid], types) is var read
                && PartitionBound.Of(read, partitions[table.Oid]) is { } bound
                ? read with { Checks = [.. read.Checks, bound] }
                : read)
            .ToList();
        return new DatabaseSchema(tables);
    }

    private static TableSchema Table(
        CatalogTable table,
        IEnumerable<CatalogColumn> columns,
        IEnumerable<CatalogConstraint> constraints,
        IEnumerable<CatalogUniqueIndex> indexes,
        CatalogTypeResolver types)
    {
        var byName = constraints.OrderBy(constraint => constraint.Name, StringComparer.Ordinal).ToList();
        var primaryKey = byName.Where(constraint => constraint.Type == 'p').Select(Key).FirstOrDefault();
        var uniques = byName.Where(constraint => constraint.Type == 'u').Select(Key).ToList();
        foreach (var index in indexes)
        {
            // An index over exactly the columns of a key already known says nothing more.
            var key = new KeyConstraint(index.Name, index.Columns);
            if (!uniques.Append(primaryKey).Any(known => known is not null && SameColumns(known, key)))
            {
                uniques.Add(key);
            }
        }

        return new TableSchema(
            table.Schema,
            table.Name,
            columns.Select(column => Column(column, types)).ToList(),
            primaryKey,
            uniques.OrderBy(unique => unique.Name, StringComparer.Ordinal).ToList(),
            // The same foreign key declared on several partitions is one rule for the table.
            byName.Where(constraint => constraint.Type == 'f').Select(Foreign)
                .DistinctBy(fk => (string.Join(",", fk.Columns), fk.ReferencedSchema, fk.ReferencedTable, string.Join(",", fk.ReferencedColumns))).ToList(),
            byName.Where(constraint => constraint.Type == 'c').Select(Check).ToList());
    }

    private static ColumnSchema Column(CatalogColumn column, CatalogTypeResolver types)
    {
        var generated = column.Generated == 's';
        return new ColumnSchema(
            column.Name,
            types.Resolve(column.TypeOid, column.TypeModifier),
            IsNullable: !column.NotNull && !types.IsNotNullDomain(column.TypeOid, column.TypeModifier),
            Default: generated ? null : column.Default,
            Identity: column.Identity switch
            {
                'a' => IdentityKind.Always,
                'd' => IdentityKind.ByDefault,
                _ => IdentityKind.None,
            },
            IsGenerated: generated);
    }

    private static KeyConstraint Key(CatalogConstraint constraint) => new(constraint.Name, constraint.Columns);

    private static ForeignKey Foreign(CatalogConstraint constraint) => new(
        constraint.Name,
        constraint.Columns,
        constraint.ReferencedSchema!,
        constraint.ReferencedTable!,
        constraint.ReferencedColumns);

    private static CheckConstraint Check(CatalogConstraint constraint) => new(
        constraint.Name,
        constraint.Definition!,
        constraint.Columns,
        CheckExpressionParser.Parse(constraint.Definition!));

    private static bool SameColumns(KeyConstraint left, KeyConstraint right) =>
        left.Columns.Count == right.Columns.Count && left.Columns.All(right.Columns.Contains);
}
