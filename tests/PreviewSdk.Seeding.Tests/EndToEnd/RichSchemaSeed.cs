using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>The seed settings the end-to-end tests give Sql/rich-schema.sql: a few hundred rows a table, two tables sized per parent.</summary>
internal static class RichSchemaSeed
{
    public const int DefaultRows = 300;

    public static SeedSettings Settings(int seed = 4242) => new()
    {
        Seed = seed,
        DefaultRows = DefaultRows,
        Tables = new Dictionary<string, TableSeedSettings>
        {
            ["departments"] = new() { Rows = 40 },
            ["warehouses"] = new() { Rows = 12 },
            ["addresses"] = new() { PerParent = new PerParentSizing("customers", 0, 3) },
            ["order_lines"] = new() { PerParent = new PerParentSizing("orders", 1, 4) },
        },
    };
}
