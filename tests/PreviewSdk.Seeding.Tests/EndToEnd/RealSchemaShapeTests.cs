using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// The shapes of the real application schemas (RealSchemas/manifest.tsv) that the seeder failed on, each reduced to
/// a few lines and seeded on a real server: the regression test of each fix.
/// </summary>
[TestClass]
public sealed class RealSchemaShapeTests
{
    [TestMethod]
    public async Task A_check_that_keeps_a_column_in_one_case_is_met_by_every_row()
    {
        // PowerDNS 4.7: CONSTRAINT c_lowercase_name CHECK (((name)::TEXT = LOWER((name)::TEXT))), with a unique index.
        var target = await SeedTarget.CreateAsync("""
            CREATE TABLE domains (
                id SERIAL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                code text NOT NULL CHECK (upper(code) = code),
                CONSTRAINT c_lowercase_name CHECK (((name)::TEXT = LOWER((name)::TEXT))));
            CREATE UNIQUE INDEX name_index ON domains(name);
            """);

        await target.SeedSuccessfullyAsync(new SeedSettings { Seed = 5, DefaultRows = 300 });

        Assert.AreEqual(300L, await target.CountAsync("domains"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM domains WHERE name <> lower(name) OR code <> upper(code)"));
        Assert.IsTrue(await target.ScalarAsync<bool>("SELECT count(*) FILTER (WHERE name ~ '[a-z]') = count(*) FROM domains"), "Lower-case letters, not digits alone.");
    }

    [TestMethod]
    public async Task A_default_row_count_that_a_short_key_cannot_hold_becomes_what_the_key_holds_with_a_note()
    {
        // Bacula 9.6: CREATE TABLE Status (JobStatus CHAR(1) NOT NULL, JobStatusLong TEXT, Severity INT, PRIMARY KEY (JobStatus)),
        // and a job table that points at it: 50 rows by default, but a char(1) key holds 36 codes.
        const string Schema = """
            CREATE TABLE status (jobstatus char(1) NOT NULL, jobstatuslong text, severity int, PRIMARY KEY (jobstatus));
            CREATE TABLE job (jobid serial PRIMARY KEY, jobstatus char(1) NOT NULL REFERENCES status (jobstatus), UNIQUE (jobstatus));
            CREATE TABLE client (clientid serial PRIMARY KEY, name text NOT NULL);
            """;
        var target = await SeedTarget.CreateAsync(Schema);

        var result = await target.SeedAsync(new SeedSettings { Seed = 5 });

        Assert.IsTrue(result.Succeeded, SeedTarget.Describe(result.Diagnostics));
        Assert.AreEqual(36L, await target.CountAsync("status"));
        Assert.AreEqual(36L, await target.CountAsync("job"), "A one-to-one child of the limited table is limited in turn.");
        Assert.AreEqual(50L, await target.CountAsync("client"));
        StringAssert.Contains(result.Report, "status gets 36 rows, not 50: its unique key status_pkey (jobstatus) can hold no more distinct values.");

        var explicitCount = await SeedTarget.CreateAsync(Schema);
        var refused = await explicitCount.SeedAsync(new SeedSettings { Seed = 5, Tables = new Dictionary<string, TableSeedSettings> { ["status"] = new() { Rows = 40 } } });
        StringAssert.Contains(SeedTarget.SingleError(refused, DiagnosticCodes.SeedUniqueUnsatisfiable).Message, "only 36 distinct values can be generated for the 40 rows of 'status'");
    }
}
