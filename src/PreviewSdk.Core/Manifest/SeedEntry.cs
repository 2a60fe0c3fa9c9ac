namespace PreviewSdk.Core.Manifest;

/// <summary>
/// One entry of <c>seed:</c>: how to fill one database of the environment with generated data. Shaped and
/// type-checked here; whether the database, service and tables exist is checked later (the tables only once the
/// database exists, by the seeder).
/// </summary>
/// <param name="Database">The key: a database declared under a postgres dependency's <c>databases:</c>.</param>
/// <param name="Seed">The <c>seed:</c> number, or null for the default.</param>
/// <param name="Rows">The <c>rows:</c> default per table, or null for the default.</param>
/// <param name="Scale">The <c>scale:</c> factor per profile, in file order.</param>
/// <param name="Migrations">The <c>migrations:</c> setting, or null when the database has none to wait for.</param>
/// <param name="Exclude">The <c>exclude:</c> tables that are never seeded (the app's own bookkeeping).</param>
/// <param name="Tables">The <c>tables:</c> settings, in file order.</param>
/// <param name="Columns">The <c>columns:</c> overrides, in file order.</param>
public sealed record SeedEntry(
    Located<string> Database,
    Located<int>? Seed,
    Located<long>? Rows,
    IReadOnlyList<SeedScaleEntry> Scale,
    MigrationsEntry? Migrations,
    IReadOnlyList<Located<string>> Exclude,
    IReadOnlyList<SeedTableEntry> Tables,
    IReadOnlyList<SeedColumnEntry> Columns)
{
    /// <summary>The values <c>existing:</c> takes: what to do with rows the app wrote itself before the seeding.</summary>
    public static IReadOnlyList<string> ExistingPolicies { get; } = ["replace", "keep", "fail"];

    /// <summary>
    /// The <c>existing:</c> policy, or null for the default, <c>replace</c>: the environment's data comes from
    /// preview.yaml, so rows the app wrote itself (its own demo data) are replaced by the seed.
    /// </summary>
    public Located<string>? Existing { get; init; }
}

/// <summary>A profile's factor for row counts.</summary>
/// <param name="Profile">The profile name.</param>
/// <param name="Factor">The factor, greater than 0.</param>
public sealed record SeedScaleEntry(Located<string> Profile, Located<double> Factor);

/// <summary>
/// Where the database's schema comes from before seeding: a service that migrates it when it starts (seeding waits
/// until that service is healthy), a folder of SQL files the seeder applies itself, and/or an EF Core project whose
/// migrations <c>-t:PreviewMigrationCheck</c> applies with <c>dotnet ef</c>.
/// </summary>
/// <param name="Service">The <c>service:</c> that applies the migrations when it starts, or null.</param>
/// <param name="Sql">The <c>sql:</c> folder (relative to preview.yaml) of <c>*.sql</c> files applied in name order, or null.</param>
/// <param name="EfCore">The <c>efcore:</c> project (relative to preview.yaml) holding EF Core migrations, or null.</param>
/// <param name="StartupProject">The <c>startup:</c> project <c>dotnet ef</c> builds and runs (defaults to <paramref name="EfCore"/>), or null.</param>
/// <param name="Location">Where <c>migrations:</c> is written.</param>
public sealed record MigrationsEntry(
    Located<string>? Service,
    Located<string>? Sql,
    Located<string>? EfCore,
    Located<string>? StartupProject,
    Diagnostics.SourceLocation Location);

/// <summary>One entry of <c>tables:</c>.</summary>
/// <param name="Table">The table name (<c>orders</c>, or <c>schema.orders</c> outside public).</param>
/// <param name="Rows">The row count, or null when not set.</param>
/// <param name="Per">The parent table for per-parent sizing (<c>per:</c>), or null.</param>
/// <param name="Min">The fewest children per parent (<c>min:</c>, default 1).</param>
/// <param name="Max">The most children per parent (<c>max:</c>, default <paramref name="Min"/>).</param>
/// <param name="Skip">True for <c>skip: true</c>: the table stays empty.</param>
public sealed record SeedTableEntry(
    Located<string> Table,
    Located<long>? Rows,
    Located<string>? Per,
    int Min,
    int Max,
    bool Skip);

/// <summary>One entry of <c>columns:</c>: what to put in one column instead of the inferred values.</summary>
/// <param name="Column">The key, <c>table.column</c>.</param>
/// <param name="Kind">Which override it is.</param>
/// <param name="Text">The dataset path, constant (null for a null constant) or SQL expression, for those kinds.</param>
/// <param name="Values">The values with their weights, for <see cref="SeedColumnKind.Values"/>; the two bounds for <see cref="SeedColumnKind.Range"/>.</param>
public sealed record SeedColumnEntry(
    Located<string> Column,
    SeedColumnKind Kind,
    string? Text,
    IReadOnlyList<(string? Value, double Weight)> Values);

/// <summary>The kinds of column override.</summary>
public enum SeedColumnKind
{
    /// <summary><c>{ dataset: internet.email }</c>: a Bogus dataset method.</summary>
    Dataset,

    /// <summary><c>{ constant: EUR }</c>: the same value in every row.</summary>
    Constant,

    /// <summary><c>{ values: [a, b] }</c> or <c>{ values: { a: 3, b: 1 } }</c>: one of the values, by weight.</summary>
    Values,

    /// <summary><c>{ range: [1, 500] }</c>: a number or date between two bounds.</summary>
    Range,

    /// <summary><c>{ expression: "to_tsvector('english', title)" }</c>: an SQL expression PostgreSQL evaluates per row.</summary>
    Expression,
}
