namespace PreviewSdk.Seeding.Schema;

/// <summary>A table of the database, with everything that constrains the rows it accepts.</summary>
/// <param name="Schema">The PostgreSQL schema (namespace), e.g. <c>public</c>.</param>
/// <param name="Name">The table name, unquoted.</param>
/// <param name="Columns">Every column in ordinal order, including generated ones (which are never written).</param>
/// <param name="PrimaryKey">The primary key, or null when the table has none.</param>
/// <param name="Uniques">UNIQUE constraints and unique indexes over plain columns (not partial, no expressions), primary key excluded.</param>
/// <param name="ForeignKeys">Foreign keys from this table, in name order.</param>
/// <param name="Checks">Table and column CHECK constraints (not the ones of domains, see <see cref="PgType.DomainChecks"/>), in name order.</param>
public sealed record TableSchema(
    string Schema,
    string Name,
    IReadOnlyList<ColumnSchema> Columns,
    KeyConstraint? PrimaryKey,
    IReadOnlyList<KeyConstraint> Uniques,
    IReadOnlyList<ForeignKey> ForeignKeys,
    IReadOnlyList<CheckConstraint> Checks)
{
    /// <summary><c>name</c> in the public schema, else <c>schema.name</c>: how preview.yaml and messages name it.</summary>
    public string DisplayName => Schema == "public" ? Name : $"{Schema}.{Name}";

    /// <summary>The quoted name for SQL, e.g. <c>"public"."order_lines"</c>.</summary>
    public string QualifiedName => $"{SqlNames.Quote(Schema)}.{SqlNames.Quote(Name)}";

    /// <summary>The column with this name, or null.</summary>
    /// <param name="name">The column name, unquoted.</param>
    public ColumnSchema? Column(string name) =>
        Columns.FirstOrDefault(column => string.Equals(column.Name, name, StringComparison.Ordinal));
}
