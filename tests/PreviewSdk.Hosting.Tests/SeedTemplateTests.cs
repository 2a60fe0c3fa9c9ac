using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreviewSdk.Core.Environments;
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
            var (source, dump) = await RunEnvironmentAsync(first, shared.Manifest, timeout.Token, afterReady: null);
            Assert.AreEqual(SeededDatabase.Seeded, source);
            seededDump = dump;
            await WaitForTemplateAsync(shared.Templates, timeout.Token);
        }

        // The first environment is gone (stopped, state and data deleted); its template stays.
        var template = Directory.GetDirectories(shared.Templates).Single(folder => !Path.GetFileName(folder).StartsWith('.'));
        var record = new TemplateStore(shared.Templates).TryRead(Path.GetFileName(template))!;
        Assert.AreEqual("appdb", record.Database);
        Assert.IsTrue(record.Inputs.Any(input => input.StartsWith("sql migrations: 2 files", StringComparison.Ordinal)), string.Join('\n', record.Inputs));
        var before = FolderDigest(TemplateStore.DataFolderOf(template));

        using (var second = new TestRuntime(templatesDirectory: shared.Templates))
        {
            var (source, dump) = await RunEnvironmentAsync(second, shared.Manifest, timeout.Token, afterReady: async connection =>
            {
                // The clone is this environment's own: its mark, its password (the connection used it), its writes.
                Assert.AreEqual($"previewsdk:environment={second.Runtime.EnvironmentId}", await ScalarAsync<string>(connection,
                    "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"));
                await ScalarAsync<int>(connection, "INSERT INTO items (name, price) VALUES ('written by the clone', 1) RETURNING id");
            });
            Assert.AreEqual(SeededDatabase.ClonedFromTemplate, source);
            Assert.AreEqual(seededDump, RemoveRow(dump, "written by the clone"), "The clone holds the seeded environment's rows and sequences, byte for byte.");
            StringAssert.Contains(await File.ReadAllTextAsync(Path.Combine(second.StateDirectory, "seed-report.md"), timeout.Token), "appdb");
        }

        Assert.AreEqual(before, FolderDigest(TemplateStore.DataFolderOf(template)), "No environment writes into the template.");
    }

    [TestMethod]
    public async Task Templates_TwoEnvironmentsStartingAtOnceBuildTheTemplateOnceAndBothGetItsRows()
    {
        using var shared = new SharedFolders();
        using var timeout = Timeout();
        using var first = new TestRuntime(templatesDirectory: shared.Templates);
        using var second = new TestRuntime(templatesDirectory: shared.Templates);

        var results = await Task.WhenAll(
            RunEnvironmentAsync(first, shared.Manifest, timeout.Token, afterReady: null),
            RunEnvironmentAsync(second, shared.Manifest, timeout.Token, afterReady: null));

        CollectionAssert.AreEquivalent(new[] { SeededDatabase.Seeded, SeededDatabase.ClonedFromTemplate }, results.Select(r => r.Source).ToArray(),
            "One environment seeds and builds the template while the other waits for it and clones it.");
        Assert.AreEqual(results[0].Dump, results[1].Dump);
        Assert.AreEqual(1, Directory.GetDirectories(shared.Templates).Length, "One template, built once.");
    }

    [TestMethod]
    public async Task Templates_OffWithoutATemplatesFolder_EveryEnvironmentSeeds()
    {
        using var shared = new SharedFolders();
        using var timeout = Timeout();
        using var test = new TestRuntime();
        var (source, _) = await RunEnvironmentAsync(test, shared.Manifest, timeout.Token, afterReady: null);
        Assert.AreEqual(SeededDatabase.Seeded, source);
        Assert.IsFalse(Directory.Exists(shared.Templates));
    }

    private CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        return timeout;
    }

    // Starts an environment of the manifest, waits for its data, dumps every table and sequence, and stops it.
    private static async Task<(string Source, string Dump)> RunEnvironmentAsync(
        TestRuntime test, string manifest, CancellationToken cancellationToken, Func<NpgsqlConnection, Task>? afterReady)
    {
        var builder = test.CreateBuilder();
        var database = builder.AddLocalPostgres("postgres").AddDatabase("appdb").WithSeedData(manifest);
        await using var app = builder.Build();
        var logs = new StringBuilder();
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var watches = new[] { "postgres", "appdb-seed" }.Select(name => Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in loggers.WatchAsync(name).WithCancellation(stopWatching.Token))
                {
                    lock (logs)
                    {
                        batch.ToList().ForEach(line => logs.Append(name).Append(": ").Append(line.Content).Append('\n'));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The environment stopped.
            }
        })).ToList();
        await app.StartAsync(cancellationToken);
        var finished = await app.ResourceNotifications.WaitForResourceAsync(
            "appdb-seed", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, cancellationToken);
        Assert.AreEqual(0, finished.Snapshot.ExitCode);
        var links = await TestRuntime.WaitForFileAsync<EnvironmentLinks>(Path.Combine(test.StateDirectory, StateFiles.LinksJson), cancellationToken);

        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (afterReady is not null)
        {
            await afterReady(connection);
        }

        var dump = await DumpAsync(connection, cancellationToken);
        if (test.Runtime.TemplatesDirectory is { } templates && links.Data.Single().Source == SeededDatabase.Seeded)
        {
            // The template is built after the data is in; an environment stopped before gives it up.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(90));
            try
            {
                await WaitForTemplateAsync(templates, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"No template was kept. The logs:\n{logs}");
            }
        }

        await app.StopAsync(cancellationToken);
        await stopWatching.CancelAsync();
        await Task.WhenAll(watches);
        return (links.Data.Single().Source, dump);
    }

    // COPY of every table in a fixed order, then every sequence's position: what "the same rows" means here.
    private static async Task<string> DumpAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var dump = new StringBuilder();
        foreach (var table in new[] { "items", "tags", "__preview_sql_migrations" })
        {
            dump.Append("-- ").Append(table).Append('\n');
            using var reader = await connection.BeginTextExportAsync($"COPY (SELECT * FROM {table} ORDER BY 1) TO STDOUT", cancellationToken);
            dump.Append(await reader.ReadToEndAsync(cancellationToken));
        }

        foreach (var sequence in new[] { "items_id_seq", "tags_id_seq" })
        {
            dump.Append("-- ").Append(sequence).Append(": ");
            await using var command = new NpgsqlCommand($"SELECT last_value || ' ' || is_called FROM {sequence}", connection);
            dump.Append(await command.ExecuteScalarAsync(cancellationToken)).Append('\n');
        }

        return dump.ToString();
    }

    private static string RemoveRow(string dump, string marker)
    {
        var lines = dump.Split('\n').Where(line => !line.Contains(marker, StringComparison.Ordinal)).ToList();
        // The insert advanced the sequence by one; the template's position is one less.
        var index = lines.FindIndex(line => line.StartsWith("-- items_id_seq: ", StringComparison.Ordinal));
        var value = long.Parse(lines[index].Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
        lines[index] = $"-- items_id_seq: {value - 1} true";
        return string.Join('\n', lines);
    }

    private static async Task WaitForTemplateAsync(string templates, CancellationToken cancellationToken)
    {
        var store = new TemplateStore(templates);
        while (!Directory.Exists(templates) || !Directory.GetDirectories(templates).Any(folder => store.TryRead(Path.GetFileName(folder)) is not null))
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    private static string FolderDigest(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    // A project folder with preview.yaml and two SQL migrations, and an empty templates folder, shared by the
    // environments of a test (their state folders are their own).
    private sealed class SharedFolders : IDisposable
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
