using PreviewSdk.Core.Links;
using PreviewSdk.Core.Templates;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// Seeded-data templates on a real PostgreSQL: the first environment of a schema and seed seeds and keeps a template,
/// later ones clone it, with byte-identical rows, and never write into it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SeedTemplateTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Templates_ASecondEnvironmentClonesRowsIdenticalToTheSeededOneAndNeverWritesTheTemplate()
    {
        using var shared = new SharedFolders();
        using var timeout = Timeout();

        string seededDump;
        using (var first = new TestRuntime(templatesDirectory: shared.Templates))
        {
            var result = await TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token);
            Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"]);
            seededDump = result.Dumps["appdb"];
        }

        // The first environment is gone (stopped, state and data deleted); its template stays.
        var template = Directory.GetDirectories(shared.Templates).Single(folder => !Path.GetFileName(folder).StartsWith('.'));
        var record = new TemplateStore(shared.Templates).TryRead(Path.GetFileName(template))!;
        Assert.AreEqual("appdb", record.Databases.Single().Name);
        Assert.IsTrue(record.Inputs.Any(input => input.StartsWith("sql migrations: 2 files", StringComparison.Ordinal)), string.Join('\n', record.Inputs));
        var before = TemplateEnvironment.FolderDigest(TemplateStore.DataFolderOf(template));

        using (var second = new TestRuntime(templatesDirectory: shared.Templates))
        {
            var result = await TemplateEnvironment.RunAsync(second, shared.Manifest, ["appdb"], timeout.Token, afterReady: async (_, connection) =>
            {
                // The clone is this environment's own: its mark, its password (the connection used it), its writes.
                Assert.AreEqual($"previewsdk:environment={second.Runtime.EnvironmentId}", await TemplateEnvironment.ScalarAsync<string>(connection,
                    "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"));
                await TemplateEnvironment.ScalarAsync<int>(connection, "INSERT INTO items (name, price) VALUES ('written by the clone', 1) RETURNING id");
            });
            Assert.AreEqual(SeededDatabase.ClonedFromTemplate, result.Sources["appdb"]);
            Assert.AreEqual(seededDump, RemoveRow(result.Dumps["appdb"], "written by the clone"), "The clone holds the seeded environment's rows and sequences, byte for byte.");
            StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(second.StateDirectory, "seed-report.md"), timeout.Token), "appdb");
        }

        Assert.AreEqual(before, TemplateEnvironment.FolderDigest(TemplateStore.DataFolderOf(template)), "No environment writes into the template.");
    }

    [TestMethod]
    public async Task Templates_TwoEnvironmentsStartingAtOnceBuildTheTemplateOnceAndBothGetItsRows()
    {
        using var shared = new SharedFolders();
        using var timeout = Timeout();
        using var first = new TestRuntime(templatesDirectory: shared.Templates);
        using var second = new TestRuntime(templatesDirectory: shared.Templates);

        var results = await Task.WhenAll(
            TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token),
            TemplateEnvironment.RunAsync(second, shared.Manifest, ["appdb"], timeout.Token));

        CollectionAssert.AreEquivalent(new[] { SeededDatabase.Seeded, SeededDatabase.ClonedFromTemplate }, results.Select(r => r.Sources["appdb"]).ToArray(),
            "One environment seeds and builds the template while the other waits for it and clones it.");
        Assert.AreEqual(results[0].Dumps["appdb"], results[1].Dumps["appdb"]);
        Assert.AreEqual(1, Directory.GetDirectories(shared.Templates).Length, "One template, built once.");
    }

    // A record without its databases, as an earlier build of the same version wrote it; a discarded one, as an
    // environment cloned from it that failed leaves it (ContainerSeedTemplateTests fails one for real).
    [TestMethod]
    [DataRow("without its databases", "does not list 'appdb'")]
    [DataRow("discarded", "was discarded ('postgres' failed): this environment seeds 'appdb' and replaces it.")]
    public async Task Templates_ARecordThatCannotBeCloned_IsSeededAgainAndReplacedUnderTheSameKey(string record, string logged)
    {
        using var shared = new SharedFolders();
        using var timeout = Timeout();
        using (var first = new TestRuntime(templatesDirectory: shared.Templates))
        {
            await TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token);
        }

        var store = new TemplateStore(shared.Templates);
        var key = TemplateEnvironment.CompleteTemplates(shared.Templates).Single();
        if (record == "discarded")
        {
            Assert.IsTrue(store.Discard(key, "'postgres' failed", TimeSpan.FromSeconds(5)));
        }
        else
        {
            PreviewSdk.Core.Environments.StateJson.Write(Path.Combine(store.PathOf(key), "template.json"), store.TryRead(key)! with { Databases = [] });
        }

        using var second = new TestRuntime(templatesDirectory: shared.Templates);
        var result = await TemplateEnvironment.RunAsync(second, shared.Manifest, ["appdb"], timeout.Token);
        Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"], result.Logs);
        StringAssert.Contains(result.Logs, $"postgres: The template {key} {logged}");
        var rebuilt = store.TryRead(key)!;
        Assert.AreEqual(("appdb", null), (rebuilt.Databases.Single().Name, rebuilt.DiscardedBecause), "Rebuilt under the same key, a template in use.");
    }

    [TestMethod]
    public async Task Templates_OffWithoutATemplatesFolder_EveryEnvironmentSeeds()
    {
        using var shared = new SharedFolders();
        using var timeout = Timeout();
        using var test = new TestRuntime();
        var result = await TemplateEnvironment.RunAsync(test, shared.Manifest, ["appdb"], timeout.Token);
        Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"]);
        Assert.IsFalse(Directory.Exists(shared.Templates));
    }

    private CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        return timeout;
    }

    internal static string RemoveRow(string dump, string marker)
    {
        var lines = dump.Split('\n').Where(line => !line.Contains(marker, StringComparison.Ordinal)).ToList();
        // The insert advanced the sequence by one; the template's position is one less.
        var index = lines.FindIndex(line => line.StartsWith("-- items_id_seq: ", StringComparison.Ordinal));
        var value = long.Parse(lines[index].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        lines[index] = $"-- items_id_seq: {value - 1} true";
        return string.Join('\n', lines);
    }

    // A project folder with preview.yaml and two SQL migrations, and an empty templates folder, shared by the
    // environments of a test (their state folders are their own).
    internal sealed class SharedFolders : IDisposable
    {
        private readonly string root = Directory.CreateTempSubdirectory("preview-template-test-").FullName;

        public SharedFolders()
        {
            Directory.CreateDirectory(Path.Combine(root, "project", "migrations"));
            File.WriteAllText(Path.Combine(root, "project", "migrations", "001_items.sql"), """
                CREATE TABLE items (
                    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    name varchar(50) NOT NULL,
                    price numeric(8, 2) NOT NULL CHECK (price > 0),
                    label text GENERATED ALWAYS AS (upper(name)) STORED);
                """);
            File.WriteAllText(Path.Combine(root, "project", "migrations", "002_tags.sql"), """
                CREATE TABLE tags (
                    id bigserial PRIMARY KEY,
                    item_id integer NOT NULL REFERENCES items (id),
                    label varchar(20) NOT NULL,
                    weight double precision NOT NULL,
                    created timestamptz NOT NULL);
                """);
            Manifest = Path.Combine(root, "project", "preview.yaml");
            File.WriteAllText(Manifest, """
                dependencies:
                  postgres:
                    type: postgres
                    databases: [appdb]
                seed:
                  appdb:
                    seed: 42
                    migrations: { sql: migrations }
                    tables:
                      items: 300
                      tags: { per: items, min: 1, max: 3 }
                """);
        }

        public string Manifest { get; }

        public string Templates => Path.Combine(root, "templates");

        public void Dispose() => Directory.Delete(root, recursive: true);
    }
}
