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

/// <summary>What an environment of a seeded-data template test ended with.</summary>
/// <param name="Sources">Per seeded database, how its rows got there (<see cref="SeededDatabase.Source"/>, from links.json).</param>
/// <param name="Dumps">Per database, every table's rows and every sequence's position.</param>
/// <param name="Logs">The server's and the seedings' logs.</param>
internal sealed record TemplateEnvironmentResult(IReadOnlyDictionary<string, string> Sources, IReadOnlyDictionary<string, string> Dumps, string Logs);

/// <summary>PostgreSQL as a container of the machine's real engine, for the template tests of containers.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Image">The base image, e.g. <c>localhost/library/postgres:15</c>.</param>
internal sealed record ContainerServer(PreviewSdk.Core.Containers.ContainerEngine Engine, string Image)
{
    public IResourceBuilder<IResourceWithConnectionString> Add(IDistributedApplicationBuilder builder)
    {
        // Aspire's orchestrator drives the same engine (as the build's decision makes it do).
        builder.Configuration[PreviewSdk.Core.Containers.ContainerVariables.AspireContainerRuntime] = Engine.AspireRuntime;
        var server = builder.AddContainerPostgres("postgres", Image, PreviewSdk.Core.Profiles.ResourceLimits.None);
        return builder.CreateResourceBuilder<IResourceWithConnectionString>(server.Resource);
    }
}

/// <summary>
/// Runs an app host with one PostgreSQL server (local, or a container) and the given databases (each seeded when preview.yaml has an
/// entry for it) on a real PostgreSQL, for the seeded-data template tests.
/// </summary>
internal static class TemplateEnvironment
{
    /// <summary>
    /// Starts an environment, waits until every seeding finished, dumps every database and stops it. With
    /// <paramref name="expectTemplate"/>, an environment that seeded waits for its template to be kept first (an
    /// environment stopped before gives it up).
    /// </summary>
    public static async Task<TemplateEnvironmentResult> RunAsync(
        TestRuntime test, string manifest, IReadOnlyList<string> databases, CancellationToken cancellationToken,
        Func<string, NpgsqlConnection, Task>? afterReady = null, bool expectTemplate = true, bool expectSeeded = true, ContainerServer? container = null)
    {
        var builder = test.CreateBuilder();
        IResourceBuilder<IResourceWithConnectionString> server;
        Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> resources;
        if (container is null)
        {
            var local = builder.AddLocalPostgres("postgres");
            server = local;
            resources = databases.ToDictionary(name => name, name => (IResourceBuilder<IResourceWithConnectionString>)local.AddDatabase(name).WithSeedData(manifest));
        }
        else
        {
            server = container.Add(builder);
            resources = databases.ToDictionary(name => name, name => server.AddPreviewDatabase(name).WithSeedData(manifest));
        }

        var seeds = builder.Resources.OfType<PreviewSeedResource>().Select(seed => seed.Name).ToList();
        var watched = builder.Resources.OfType<PreviewSeedResource>().ToList();
        var started = DateTimeOffset.UtcNow;
        await using var app = builder.Build();
        var logs = new StringBuilder();
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
        var watches = watched.Select(resource => Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in loggers.WatchAsync(resource).WithCancellation(stopWatching.Token))
                {
                    lock (logs)
                    {
                        // Without the timestamp each line starts with.
                        batch.ToList().ForEach(line => logs.Append(resource.Name).Append(": ").Append(WithoutTimestamp(line.Content)).Append('\n'));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The environment stopped.
            }
        })).ToList();
        var stopped = false;
        try
        {
            await app.StartAsync(cancellationToken);
            foreach (var seed in seeds)
            {
                var finished = await app.ResourceNotifications.WaitForResourceAsync(
                    seed, e => e.Snapshot.State?.Text == KnownResourceStates.Finished, cancellationToken);
                if (expectSeeded && finished.Snapshot.ExitCode != 0)
                {
                    await ReadServerLogAsync(loggers, server.Resource, logs, cancellationToken);
                    Assert.Fail($"{seed} failed. The logs:\n{Text(logs)}");
                }
            }

            await ReadServerLogAsync(loggers, server.Resource, logs, cancellationToken);

            var links = expectSeeded ? await WaitForDataAsync(test, seeds.Count, cancellationToken) : null;
            var dumps = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, database) in resources)
            {
                var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                if (afterReady is not null)
                {
                    await afterReady(name, connection);
                }

                dumps[name] = await DumpAsync(connection, cancellationToken);
            }

            var sources = (links?.Data ?? []).ToDictionary(data => data.Database, data => data.Source, StringComparer.Ordinal);
            if (expectTemplate && test.Runtime.TemplatesDirectory is { } templates && sources.Values.Contains(SeededDatabase.Seeded))
            {
                // The template is built after the data is in; an environment stopped before gives it up.
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromSeconds(90));
                try
                {
                    await WaitForTemplateAsync(templates, started, wait.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Assert.Fail($"No template was kept. The logs:\n{Text(logs)}");
                }
            }

            await app.StopAsync(cancellationToken);
            if (container is not null)
            {
                var left = await RemoveContainersAsync(container, test);
                Assert.IsEmpty(left, "Every container of the environment could be removed.");
            }

            stopped = true;
            await stopWatching.CancelAsync();
            await Task.WhenAll(watches);
            return new TemplateEnvironmentResult(sources, dumps, Text(logs));
        }
        finally
        {
            if (!stopped && container is not null)
            {
                // A failed run: nothing it started may hold a template image or a port for the tests after it.
                await app.StopAsync(CancellationToken.None);
                await RemoveContainersAsync(container, test);
            }
        }
    }

    /// <summary>
    /// Starts an environment of one container server and <paramref name="database"/> that is expected to fail before
    /// it is ready; returns its failure report (<c>failed.json</c>) once written, after stopping it.
    /// </summary>
    public static async Task<FailureReport> RunFailingAsync(
        TestRuntime test, string manifest, string database, ContainerServer container, CancellationToken cancellationToken)
    {
        var builder = test.CreateBuilder();
        container.Add(builder).AddPreviewDatabase(database).WithSeedData(manifest);
        await using var app = builder.Build();
        try
        {
            await app.StartAsync(cancellationToken);
            return await TestRuntime.WaitForFileAsync<FailureReport>(Path.Combine(test.StateDirectory, StateFiles.Failed), cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await RemoveContainersAsync(container, test);
        }
    }

    // Aspire's orchestrator is stopped with the app host, sometimes before it has removed the server's container
    // (stopping PostgreSQL takes a while on a loaded machine); one left running keeps its template image in use, so a
    // later test's prune fails. Removes what is left of the environment's containers, as -t:PreviewDown does.
    private static Task<IReadOnlyList<string>> RemoveContainersAsync(ContainerServer container, TestRuntime test) =>
        PreviewSdk.Core.Containers.EnvironmentContainers.RemoveAsync(container.Engine.Endpoint, test.Runtime.EnvironmentId, CancellationToken.None);

    // The links are written once every resource is ready; with no service waiting for a seeding, that can come
    // before the seedings finished, which then rewrite the links' data rows.
    private static async Task<EnvironmentLinks> WaitForDataAsync(TestRuntime test, int seeds, CancellationToken cancellationToken)
    {
        var path = Path.Combine(test.StateDirectory, StateFiles.LinksJson);
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var links = await TestRuntime.WaitForFileAsync<EnvironmentLinks>(path, cancellationToken);
            if (links.Data.Count >= seeds)
            {
                return links;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                // Read only on failure: ready.json is written after links.json, so it may not be there yet.
                var ready = Path.Combine(test.StateDirectory, StateFiles.Ready);
                Assert.Fail($"{links.Data.Count} of {seeds} data rows after 30 s.\n{await File.ReadAllTextAsync(path, cancellationToken)}\n"
                    + (File.Exists(ready) ? await File.ReadAllTextAsync(ready, cancellationToken) : "(no ready.json)"));
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    // The server's log is kept under the name DCP gives its instance, known once it started: read whole here.
    private static async Task ReadServerLogAsync(ResourceLoggerService loggers, IResource server, StringBuilder logs, CancellationToken cancellationToken)
    {
        await foreach (var batch in loggers.GetAllAsync(server).WithCancellation(cancellationToken))
        {
            lock (logs)
            {
                batch.ToList().ForEach(line => logs.Append(server.Name).Append(": ").Append(WithoutTimestamp(line.Content)).Append('\n'));
            }
        }
    }

    /// <summary>
    /// Removes every template of <paramref name="templates"/>, with the images of containers' templates: Aspire's
    /// orchestrator may still be removing the last clone's container a moment after its app host stopped, and the
    /// engine keeps an image a container uses, so the prune is tried again for a while.
    /// </summary>
    /// <returns>What the last prune could not remove, and why (empty when every template went).</returns>
    public static async Task<string> RemoveTemplatesAsync(string templates)
    {
        var store = new TemplateStore(templates);
        var failed = store.Prune(DateTimeOffset.UtcNow, everything: true).Failed;
        for (var attempt = 0; attempt < 60 && failed.Count > 0; attempt++)
        {
            await Task.Delay(1000);
            failed = store.Prune(DateTimeOffset.UtcNow, everything: true).Failed;
        }

        return string.Join('\n', failed.Select(failure => $"{failure.Folder}: {failure.Reason}"));
    }

    /// <summary>The keys of the complete templates in <paramref name="templates"/> (none when null or missing).</summary>
    public static IReadOnlyList<string> CompleteTemplates(string? templates)
    {
        if (templates is null || !Directory.Exists(templates))
        {
            return [];
        }

        var store = new TemplateStore(templates);
        return Directory.GetDirectories(templates).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.') && store.TryRead(name) is not null).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Waits until a template built since <paramref name="since"/> is in <paramref name="templates"/>.</summary>
    public static async Task WaitForTemplateAsync(string templates, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var store = new TemplateStore(templates);
        while (!CompleteTemplates(templates).Any(key => store.TryRead(key) is { } record && record.CreatedAt >= since))
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>A hash of every file's name and content under <paramref name="folder"/>.</summary>
    public static string FolderDigest(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    public static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    // COPY of every table in name order, then every sequence's position: what "the same rows" means here.
    private static async Task<string> DumpAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var dump = new StringBuilder();
        foreach (var table in await NamesAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", cancellationToken))
        {
            dump.Append("-- ").Append(table).Append('\n');
            using var reader = await connection.BeginTextExportAsync($"COPY (SELECT * FROM \"{table}\" ORDER BY 1) TO STDOUT", cancellationToken);
            dump.Append(await reader.ReadToEndAsync(cancellationToken));
        }

        foreach (var sequence in await NamesAsync(connection, "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1", cancellationToken))
        {
            dump.Append("-- ").Append(sequence).Append(": ");
            await using var command = new NpgsqlCommand($"SELECT last_value || ' ' || is_called FROM \"{sequence}\"", connection);
            dump.Append(await command.ExecuteScalarAsync(cancellationToken)).Append('\n');
        }

        return dump.ToString();
    }

    private static async Task<List<string>> NamesAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string WithoutTimestamp(string line) =>
        line.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space && DateTimeOffset.TryParse(line[..space], System.Globalization.CultureInfo.InvariantCulture, out _)
            ? line[(space + 1)..]
            : line;

    private static string Text(StringBuilder logs)
    {
        lock (logs)
        {
            return logs.ToString();
        }
    }
}
