namespace PreviewSdk.Seeding.Schema;

/// <summary>
/// What the seeder knows about a database: its tables with their columns and constraints, read from the catalog
/// (never from data rows). Tables are in a stable order (schema, then name) so everything derived is deterministic.
/// </summary>
/// <param name="Tables">The tables to consider for seeding, in (schema, name) order; skipped tables are not here.</param>
public sealed record DatabaseSchema(IReadOnlyList<TableSchema> Tables)
{
    /// <summary>The table with this name (<c>name</c> for the public schema, else <c>schema.name</c>), or null.</summary>
    /// <param name="displayName">The table's <see cref="TableSchema.DisplayName"/>.</param>
    public TableSchema? Find(string displayName) =>
        Tables.FirstOrDefault(table => string.Equals(table.DisplayName, displayName, StringComparison.Ordinal));
}
