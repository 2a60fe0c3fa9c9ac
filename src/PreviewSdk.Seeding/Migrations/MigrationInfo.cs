namespace PreviewSdk.Seeding.Migrations;

/// <summary>One migration of a source, in the order the source applies them.</summary>
/// <param name="Id">What the source calls it: the EF Core id (<c>20261126221433_InitialCreate</c>) or the SQL file name (<c>002_orders.sql</c>).</param>
/// <param name="Name">The short name: the EF Core name (<c>InitialCreate</c>) or the file name without <c>.sql</c>.</param>
/// <param name="FilePath">The migration's file, where diagnostics point; null when it was not found.</param>
public sealed record MigrationInfo(string Id, string Name, string? FilePath);
