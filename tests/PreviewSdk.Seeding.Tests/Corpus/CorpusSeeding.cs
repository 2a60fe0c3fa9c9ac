using PreviewSdk.Seeding.Settings;
using PreviewSdk.Seeding.Tests.EndToEnd;

namespace PreviewSdk.Seeding.Tests.Corpus;

/// <summary>
/// What every schema of the corpus goes through, hand-written or real: loaded by the SQL migration runner, dumped
/// with the machine's <c>pg_dump --schema-only</c>, the dump loaded into two new databases the same way, both seeded
/// with no override; every table gets rows, every declared constraint holds (re-checked in SQL from the catalog), and
/// the two databases are the same byte for byte. The realism assertions the tests add are plain SQL counts.
/// </summary>
internal static class CorpusSeeding
{
    /// <summary>preview.yaml's defaults with seed 42: no override, no row count.</summary>
    public static readonly SeedSettings Defaults = new() { Seed = 42 };

    /// <summary>
    /// Seeds the dump of <paramref name="original"/> twice and returns one of the two databases. Tables the migrations
    /// filled themselves (version rows, reference data) are emptied and seeded, as an environment's default
    /// <c>existing: replace</c> and <c>-t:PreviewSeed</c> do; <paramref name="excluded"/> are left out of the seed
    /// and of the row-count check, as preview.yaml's <c>exclude:</c> does.
    /// </summary>
    public static async Task<Seeded> SeedBothAsync(string name, SeedTarget original, IReadOnlyList<string>? excluded = null)
    {
        excluded ??= [];
        var dump = await CorpusSchema.DumpAsync(original);
        try
        {
            StringAssert.Contains(await File.ReadAllTextAsync(dump), "SELECT pg_catalog.set_config('search_path', '', false);");
            var first = await CorpusSchema.LoadAsync(dump);
            var second = await CorpusSchema.LoadAsync(dump);
            var reset = await HoldsRowsAsync(first);
            var summary = await first.SeedSuccessfullyAsync(Defaults, reset, excluded);
            await second.SeedSuccessfullyAsync(Defaults, reset, excluded);

            var tables = await CorpusSchema.TablesAsync(first);
            var seeded = tables.Where(table => !excluded.Contains(table, StringComparer.Ordinal)).ToList();
            foreach (var table in seeded)
            {
                Assert.IsGreaterThan(0L, await first.CountAsync(table), $"{name}: {table} has no rows.");
            }

            Assert.AreEqual(seeded.Count, summary.Tables.Count, $"{name}: every table is seeded.");
            await AssertConstraintsHoldAsync(name, first);
            Assert.AreEqual(await CorpusSchema.ContentsAsync(first), await CorpusSchema.ContentsAsync(second), $"{name}: two seedings differ.");
            return new Seeded(first, summary, tables.Count);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>Asserts that <paramref name="countQuery"/> counts nothing.</summary>
    public static async Task AssertNoneAsync(SeedTarget target, string countQuery) =>
        Assert.AreEqual(0L, await target.ScalarAsync<long>(countQuery), countQuery);

    /// <summary>Asserts that <paramref name="booleanQuery"/> answers true.</summary>
    public static async Task AssertAllAsync(SeedTarget target, string booleanQuery) =>
        Assert.IsTrue(await target.ScalarAsync<bool>(booleanQuery), booleanQuery);

    /// <summary>Unconstrained moments stay within a few years of the reference date (2025-01-01).</summary>
    public static Task AssertWindowAsync(SeedTarget target, string table, string column) =>
        AssertNoneAsync(target, $"SELECT count(*) FROM {table} WHERE {column} < '2020-01-01' OR {column} > '2027-01-01'");

    /// <summary>
    /// Every date and timestamp column of every table (birth dates aside, which go back 90 years) stays in the window
    /// around the reference date, as <see cref="AssertWindowAsync"/> checks one column. Returns how many it checked.
    /// </summary>
    public static async Task<int> AssertMomentsInWindowAsync(SeedTarget target)
    {
        var columns = await target.RowsAsync("""
            SELECT c.oid::regclass::text, quote_ident(a.attname) FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND c.relname <> '__preview_sql_migrations' AND a.attnum > 0 AND NOT a.attisdropped AND a.attname !~* 'birth'
              AND a.atttypid IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype)
            ORDER BY 1, 2
            """);
        foreach (var column in columns)
        {
            await AssertWindowAsync(target, column[0], column[1]);
        }

        return columns.Count;
    }

    // Every key, foreign key, CHECK, length and enum the catalog declares holds in the seeded rows.
    private static async Task AssertConstraintsHoldAsync(string name, SeedTarget target)
    {
        foreach (var (kind, recheck) in new[]
        {
            ("unique keys", await ConstraintRecheck.DuplicateKeysAsync(target)),
            ("foreign keys", await ConstraintRecheck.OrphanForeignKeysAsync(target)),
            ("checks", await ConstraintRecheck.BrokenChecksAsync(target)),
            ("lengths", await ConstraintRecheck.OverlongTextAsync(target)),
            ("enum labels", await ConstraintRecheck.ForeignEnumLabelsAsync(target)),
        })
        {
            Assert.IsEmpty(recheck.Broken, $"{name}: {kind} broken: {string.Join(", ", recheck.Broken)}");
        }
    }

    private static async Task<bool> HoldsRowsAsync(SeedTarget target)
    {
        foreach (var table in await CorpusSchema.TablesAsync(target))
        {
            if (await target.ScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {table})"))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One of the two seeded databases, its summary, and how many tables the schema has.</summary>
internal sealed record Seeded(SeedTarget Target, PreviewSdk.Seeding.Runs.SeedSummary Summary, int Tables);
