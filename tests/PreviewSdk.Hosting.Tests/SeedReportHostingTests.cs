using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Npgsql;
using PreviewSdk.Core.Environments;
using PreviewSdk.Seeding.Reports;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The seed resource writes seed-report.md beside links.json, after loading a plain pg_dump-style file whose owner
/// role the environment's server does not have.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SeedReportHostingTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WithSeedData_LoadsADumpOwnedByPostgresAndWritesTheSeedReportBesideTheLinks()
    {
        using var test = new TestRuntime();
        var folder = Path.Combine(test.StateDirectory, "project");
        Directory.CreateDirectory(Path.Combine(folder, "migrations"));
        File.WriteAllText(Path.Combine(folder, "migrations", "001_dump.sql"), """
            SET statement_timeout = 0;
            SET client_encoding = 'UTF8';
            SELECT pg_catalog.set_config('search_path', '', false);
            SET default_table_access_method = heap;
            CREATE TABLE public.regions (id integer NOT NULL, name text NOT NULL);
            ALTER TABLE public.regions OWNER TO postgres;
            CREATE TABLE public.shops (id integer NOT NULL, region_id integer NOT NULL, contact_email text NOT NULL, first_name text, last_name text, opened_on date, closed_on date);
            ALTER TABLE public.shops OWNER TO postgres;
            ALTER TABLE ONLY public.regions ADD CONSTRAINT regions_pkey PRIMARY KEY (id);
            ALTER TABLE ONLY public.shops ADD CONSTRAINT shops_pkey PRIMARY KEY (id);
            ALTER TABLE ONLY public.shops ADD CONSTRAINT shops_region_id_fkey FOREIGN KEY (region_id) REFERENCES public.regions(id);
            """);
        var manifest = Path.Combine(folder, "preview.yaml");
        File.WriteAllText(manifest, """
            dependencies:
              postgres:
                type: postgres
                databases: [appdb]
            seed:
              appdb:
                rows: 12
                migrations: { sql: migrations }
            """);
        var builder = test.CreateBuilder();
        var database = builder.AddLocalPostgres("postgres").AddDatabase("appdb").WithSeedData(manifest);

        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        await app.StartAsync(timeout.Token);
        var finished = await app.ResourceNotifications.WaitForResourceAsync(
            "appdb-seed", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);

        Assert.AreEqual(0, finished.Snapshot.ExitCode);
        await TestRuntime.WaitForFileAsync<ReadyReport>(Path.Combine(test.StateDirectory, StateFiles.Ready), timeout.Token);
        var report = await File.ReadAllTextAsync(Path.Combine(test.StateDirectory, SeedReportFile.FileName), timeout.Token);
        Assert.IsTrue(File.Exists(Path.Combine(test.StateDirectory, StateFiles.LinksJson)), "The report is beside links.json.");
        Assert.Contains("## appdb", report);
        Assert.Contains("### shops: 12 rows", report);
        Assert.Contains("| `region_id` | keys of regions | foreign key shops_region_id_fkey |", report);
        Assert.Contains("made from first_name and last_name", report);
        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(timeout.Token);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(timeout.Token);
            await using var owner = new NpgsqlCommand("SELECT tableowner::text FROM pg_tables WHERE tablename = 'shops'", connection);
            Assert.AreEqual("postgres", await owner.ExecuteScalarAsync(timeout.Token), "The dump's owner role was created and owns the table.");
        }

        await app.StopAsync(timeout.Token);
    }
}
