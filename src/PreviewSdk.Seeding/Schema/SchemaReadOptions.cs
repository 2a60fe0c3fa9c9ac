namespace PreviewSdk.Seeding.Schema;

/// <summary>Which tables <see cref="PostgresSchemaReader"/> reports.</summary>
public sealed record SchemaReadOptions
{
    /// <summary>The application's own bookkeeping tables, never seeded: EF Core's migration history.</summary>
    public static IReadOnlyList<string> DefaultExcludedTables { get; } = ["__EFMigrationsHistory"];

    /// <summary>The defaults: every non-system schema, without <see cref="DefaultExcludedTables"/>.</summary>
    public static SchemaReadOptions Default { get; } = new();

    /// <summary>
    /// Tables left out, by <see cref="TableSchema.DisplayName"/> (<c>name</c> in public, else <c>schema.name</c>),
    /// compared exactly. Defaults to <see cref="DefaultExcludedTables"/>; set an empty list to read every table.
    /// </summary>
    public IReadOnlyList<string> ExcludedTables { get; init; } = DefaultExcludedTables;

    /// <summary>
    /// The schemas to read, or null (the default) for every schema except PostgreSQL's own (<c>pg_catalog</c>,
    /// <c>information_schema</c>, <c>pg_toast</c>, temporary schemas). System schemas are skipped even when listed.
    /// </summary>
    public IReadOnlyList<string>? IncludedSchemas { get; init; }
}
