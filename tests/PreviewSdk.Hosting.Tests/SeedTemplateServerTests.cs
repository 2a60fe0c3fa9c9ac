using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Templates;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// Seeded-data templates of a server with several databases, on a real PostgreSQL: one template for the whole server
/// when every database is seeded, none (and a reason) when one is not, none when one database's seeding fails.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SeedTemplateServerTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Templates_AServerWithTwoSeededDatabasesIsClonedWhole_AndAnotherSeedOfOneMakesANewTemplate_KeepingThePerServerNewest()
    {
        using var project = new TwoDatabaseProject();
        using var timeout = Timeout();

        TemplateEnvironmentResult seeded;
        using (var first = new TestRuntime(templatesDirectory: project.Templates))
        {
            seeded = await TemplateEnvironment.RunAsync(first, project.Manifest, ["catalog", "orders"], timeout.Token);
            Assert.AreEqual(SeededDatabase.Seeded, seeded.Sources["catalog"]);
            Assert.AreEqual(SeededDatabase.Seeded, seeded.Sources["orders"]);
        }

        var key = TemplateEnvironment.CompleteTemplates(project.Templates).Single();
        var record = new TemplateStore(project.Templates).TryRead(key)!;
        CollectionAssert.AreEqual(new[] { "catalog", "orders" }, record.Databases.Select(database => database.Name).ToArray());
        CollectionAssert.AreEqual(new[] { 42, 7 }, record.Databases.Select(database => database.Seed).ToArray());
        var template = TemplateStore.DataFolderOf(new TemplateStore(project.Templates).PathOf(key));
        var before = TemplateEnvironment.FolderDigest(template);

        // Declared the other way round: the same content, so the same template.
        using (var second = new TestRuntime(templatesDirectory: project.Templates))
        {
            var cloned = await TemplateEnvironment.RunAsync(second, project.Manifest, ["orders", "catalog"], timeout.Token, afterReady: async (_, connection) =>
            {
                Assert.AreEqual($"previewsdk:environment={second.Runtime.EnvironmentId}", await TemplateEnvironment.ScalarAsync<string>(connection,
                    "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"), "Each database carries this environment's mark.");
            });
            Assert.AreEqual(SeededDatabase.ClonedFromTemplate, cloned.Sources["catalog"], cloned.Logs);
            Assert.AreEqual(SeededDatabase.ClonedFromTemplate, cloned.Sources["orders"], cloned.Logs);
            Assert.AreEqual(seeded.Dumps["catalog"], cloned.Dumps["catalog"], "The clone's catalog holds the seeded rows and sequences, byte for byte.");
            Assert.AreEqual(seeded.Dumps["orders"], cloned.Dumps["orders"], "The clone's orders holds the seeded rows and sequences, byte for byte.");
            StringAssert.Contains(cloned.Logs, $"postgres: Cloned the data folder from the template {key} (catalog: ");
            StringAssert.Contains(cloned.Logs, "catalog-seed: Cloned from the template");
            StringAssert.Contains(cloned.Logs, "orders-seed: Cloned from the template");
            var report = await File.ReadAllTextAsync(Path.Combine(second.StateDirectory, "seed-report.md"), timeout.Token);
            StringAssert.Contains(report, "<!-- database: catalog -->");
            StringAssert.Contains(report, "<!-- database: orders -->");
            var links = StateJson.TryRead<EnvironmentLinks>(Path.Combine(second.StateDirectory, StateFiles.LinksJson))!;
            CollectionAssert.AreEquivalent(
                new[] { "catalog", "orders" },
                links.Data.Where(data => data.Describe().EndsWith(", cloned from template", StringComparison.Ordinal)).Select(data => data.Database).ToArray(),
                "The data line says so for each database.");
        }

        Assert.AreEqual(before, TemplateEnvironment.FolderDigest(template), "No environment writes into the template.");

        // Another seed for one database: another server content, another template; the other database's rows stay.
        project.WriteManifest(ordersSeed: 8);
        using (var third = new TestRuntime(templatesDirectory: project.Templates))
        {
            var reseeded = await TemplateEnvironment.RunAsync(third, project.Manifest, ["catalog", "orders"], timeout.Token);
            Assert.AreEqual(SeededDatabase.Seeded, reseeded.Sources["orders"], reseeded.Logs);
            Assert.AreEqual(SeededRows(seeded.Dumps["catalog"]), SeededRows(reseeded.Dumps["catalog"]), "The same seed gives the same rows.");
            Assert.AreNotEqual(SeededRows(seeded.Dumps["orders"]), SeededRows(reseeded.Dumps["orders"]));
        }

        var keys = TemplateEnvironment.CompleteTemplates(project.Templates);
        Assert.AreEqual(2, keys.Count, "A server keeps up to 3 templates by default.");
        var newer = new TemplateStore(project.Templates).TryRead(keys.Single(candidate => candidate != key))!;
        Assert.AreEqual(8, newer.Databases.Single(database => database.Name == "orders").Seed);
        Assert.AreEqual($"{project.Manifest}#postgres", newer.Lineage, "A template records which server's data it is.");

        // PreviewTemplatesPerServer=1: the next template of this server supersedes both earlier ones.
        project.WriteManifest(ordersSeed: 9);
        using (var fourth = new TestRuntime(templatesDirectory: project.Templates, templatesPerServer: 1))
        {
            var latest = await TemplateEnvironment.RunAsync(fourth, project.Manifest, ["catalog", "orders"], timeout.Token);
            Assert.AreEqual(SeededDatabase.Seeded, latest.Sources["orders"], latest.Logs);
            StringAssert.Contains(latest.Logs, "Removed 2 older template(s) of this server");
        }

        var kept = TemplateEnvironment.CompleteTemplates(project.Templates).Single();
        Assert.AreEqual(9, new TemplateStore(project.Templates).TryRead(kept)!.Databases.Single(database => database.Name == "orders").Seed);
    }

    [TestMethod]
    public async Task Templates_AServerWithAnUnseededDatabaseGetsNoTemplateAndSaysWhy()
    {
        using var project = new TwoDatabaseProject();
        using var timeout = Timeout();
        using var test = new TestRuntime(templatesDirectory: project.Templates);

        // "audit" has no seed: entry: only created, its rows whatever the app writes.
        var result = await TemplateEnvironment.RunAsync(test, project.Manifest, ["catalog", "audit"], timeout.Token, expectTemplate: false);

        Assert.AreEqual(SeededDatabase.Seeded, result.Sources["catalog"]);
        StringAssert.Contains(result.Logs, "postgres: No seeded-data template: the database 'audit' of this server has no seed: entry");
        Assert.AreEqual(0, TemplateEnvironment.CompleteTemplates(project.Templates).Count);
        Assert.IsFalse(Directory.Exists(project.Templates), "Not even a lock is taken.");
    }

    [TestMethod]
    public async Task Templates_AFailedSeedingOfOneDatabaseKeepsNoTemplateAndReleasesTheLock()
    {
        using var project = new TwoDatabaseProject();
        using var timeout = Timeout();
        using var test = new TestRuntime(templatesDirectory: project.Templates);

        // A table the schema does not have: the seeding of orders fails (PREVIEW4010), catalog's succeeds.
        project.WriteManifest(ordersTables: "no_such_table: 5");
        var result = await TemplateEnvironment.RunAsync(test, project.Manifest, ["catalog", "orders"], timeout.Token, expectTemplate: false, expectSeeded: false);

        StringAssert.Contains(result.Logs, "PREVIEW4010");
        StringAssert.Contains(result.Logs, "orders-seed: No template of this server this time: the seeding of 'orders' did not keep its rows");
        Assert.AreEqual(0, TemplateEnvironment.CompleteTemplates(project.Templates).Count, result.Logs);
        var locks = Directory.GetFiles(project.Templates, "*.lock");
        Assert.AreEqual(1, locks.Length, "The build's lock was taken.");
        using (var free = RegistryLock.TryAcquire(locks[0]))
        {
            Assert.IsNotNull(free, "The lock is released: the next environment of the key does not wait.");
        }

        Assert.AreEqual(0, Directory.GetDirectories(project.Templates).Length, "Nothing half-built is left under templates/.");
    }

    // A dump without the migrations' history, whose times differ between two fresh seedings.
    internal static string SeededRows(string dump) =>
        dump[dump.IndexOf("\n-- ", dump.IndexOf("-- __preview_sql_migrations", StringComparison.Ordinal) + 1, StringComparison.Ordinal)..];

    private CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        return timeout;
    }

    // A project with two databases on one server, each migrated from its own SQL folder, and an empty templates
    // folder, shared by the environments of a test (their state folders are their own).
    private sealed class TwoDatabaseProject : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("preview-template-server-test-").FullName;

        public TwoDatabaseProject()
        {
            Write("catalog-migrations/001_items.sql", """
                CREATE TABLE items (
                    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    name varchar(50) NOT NULL,
                    price numeric(8, 2) NOT NULL CHECK (price > 0));
                CREATE TABLE tags (
                    id bigserial PRIMARY KEY,
                    item_id integer NOT NULL REFERENCES items (id),
                    label varchar(20) NOT NULL);
                """);
            Write("orders-migrations/001_orders.sql", """
                CREATE TABLE orders (
                    id serial PRIMARY KEY,
                    customer varchar(60) NOT NULL,
                    placed timestamptz NOT NULL);
                CREATE TABLE order_lines (
                    id bigserial PRIMARY KEY,
                    order_id integer NOT NULL REFERENCES orders (id),
                    quantity integer NOT NULL CHECK (quantity > 0));
                """);
            WriteManifest();
        }

        public string Manifest => Path.Combine(root, "project", "preview.yaml");

        public string Templates => Path.Combine(root, "templates");

        public void WriteManifest(int ordersSeed = 7, string ordersTables = "orders: 80\n      order_lines: { per: orders, min: 1, max: 3 }") => Write("preview.yaml", $$"""
            dependencies:
              postgres:
                type: postgres
                databases: [catalog, orders]
            seed:
              catalog:
                seed: 42
                migrations: { sql: catalog-migrations }
                tables:
                  items: 150
                  tags: { per: items, min: 1, max: 2 }
              orders:
                seed: {{ordersSeed}}
                migrations: { sql: orders-migrations }
                tables:
                  {{ordersTables}}
            """);

        public void Dispose() => Directory.Delete(root, recursive: true);

        private void Write(string relative, string text)
        {
            var path = Path.Combine(root, "project", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}
