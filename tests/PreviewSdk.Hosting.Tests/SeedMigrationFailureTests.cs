using Aspire.Hosting;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Hosting.Tests;

/// <summary>A failing SQL migration fails the seed resource at once, with its coded error in the log.</summary>
[TestClass]
[DoNotParallelize]
public sealed class SeedMigrationFailureTests
{
    // Far below the start timeout of an environment: the failure must not wait for it.
    private static readonly TimeSpan FailureTimeout = TimeSpan.FromSeconds(90);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task WithSeedData_AFailingSqlMigrationFailsTheSeedAtOnceWithPREVIEW4069AndNoStackTrace()
    {
        using var test = new TestRuntime();
        var folder = Path.Combine(test.StateDirectory, "project");
        Directory.CreateDirectory(Path.Combine(folder, "migrations"));
        File.WriteAllText(Path.Combine(folder, "migrations", "001_items.sql"), """
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE TABLE public.items (id integer PRIMARY KEY);
            ALTER TABLE public.items OWNER TO postgres;
            INSERT INTO public.itemz VALUES (1);
            """);
        var manifest = Path.Combine(folder, "preview.yaml");
        File.WriteAllText(manifest, """
            dependencies:
              postgres:
                type: postgres
                databases: [appdb]
            seed:
              appdb:
                migrations: { sql: migrations }
            """);
        var builder = test.CreateBuilder();
        builder.AddLocalPostgres("postgres").AddDatabase("appdb").WithSeedData(manifest);

        await using var app = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(FailureTimeout);
        await app.StartAsync(timeout.Token);

        var failure = await TestRuntime.WaitForFileAsync<FailureReport>(Path.Combine(test.StateDirectory, StateFiles.Failed), timeout.Token);
        Assert.AreEqual("appdb-seed", failure.Resource);
        var log = await File.ReadAllTextAsync(Path.Combine(test.StateDirectory, StateFiles.LogsFolder, "appdb-seed.log"), timeout.Token);
        StringAssert.Contains(log, "001_items.sql(4,1): error PREVIEW4069: Migration '001_items.sql' failed on the database 'appdb' at line 4: 42P01: relation \"public.itemz\" does not exist.");
        Assert.DoesNotContain("   at ", log, "No stack trace in the seed's log.");
        await app.StopAsync(timeout.Token);
    }
}
