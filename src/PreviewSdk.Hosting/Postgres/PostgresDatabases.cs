using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreviewSdk.Core.Environments;
using PreviewSdk.Seeding.Loading;

namespace Aspire.Hosting;

/// <summary>Creates a local server's declared databases once it is ready; marks and records the databases of both runtimes.</summary>
internal static class PostgresDatabases
{
    // databases.json is rewritten by every server of the environment as it becomes ready.
    private static readonly Lock RecordLock = new();

    /// <summary>
    /// Creates every database of <paramref name="server"/> that does not exist yet and marks it running, which
    /// starts its health check and releases the services waiting for it.
    /// </summary>
    public static async Task CreateAsync(LocalPostgresServerResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        foreach (var databaseName in server.Databases.Select(database => database.DatabaseName).Distinct(StringComparer.Ordinal))
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", databaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await CreateMarkedAsync(connection, connectionString, databaseName, services.GetService<PreviewRuntime>(), cancellationToken);
            }
        }

        if (services.GetService<PreviewRuntime>() is { } runtime && connectionString is not null)
        {
            RecordConnections(server.Name, server.Databases.Select(database => new DatabaseConnectionString(database.Name, $"{connectionString};Database={database.DatabaseName}")), runtime);
        }

        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in server.Databases)
        {
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
    }

    /// <summary>
    /// Drops the database <paramref name="databaseName"/> of <paramref name="server"/> (closing the connections services
    /// hold to it) and creates it again, empty and marked as the environment's: the dashboard's Reset. Migrations are
    /// the caller's.
    /// </summary>
    public static async Task RecreateAsync(IResourceWithConnectionString server, string databaseName, IServiceProvider services, CancellationToken cancellationToken)
    {
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quoted(databaseName)} WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await CreateMarkedAsync(connection, connectionString, databaseName, services.GetService<PreviewRuntime>(), cancellationToken);
    }

    private static async Task CreateMarkedAsync(NpgsqlConnection server, string? connectionString, string databaseName, PreviewRuntime? runtime, CancellationToken cancellationToken)
    {
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quoted(databaseName)}", server);
        await create.ExecuteNonQueryAsync(cancellationToken);
        await MarkAsync($"{connectionString};Database={databaseName}", runtime, cancellationToken);
    }

    // Identifiers cannot be parameters; the name is quoted with embedded quotes doubled.
    private static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // The seed guard writes only into a database that carries its environment's mark, which only the database
    // created here gets.
    /// <summary>Marks the database of <paramref name="databaseConnectionString"/> as the environment's (nothing under a host without one).</summary>
    public static async Task MarkAsync(string? databaseConnectionString, PreviewRuntime? runtime, CancellationToken cancellationToken)
    {
        if (runtime is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection($"{databaseConnectionString};Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await SeedGuard.MarkAsync(connection, runtime.EnvironmentId, cancellationToken);
    }

    // -t:PreviewSeed reaches a running environment's databases through this file; it holds passwords, so only the
    // owner may read it (the state folder is the user's own).
    public static void RecordConnections(string serverName, IEnumerable<DatabaseConnectionString> databases, PreviewRuntime runtime)
    {
        var path = Path.Combine(runtime.StateDirectory, StateFiles.Databases);
        lock (RecordLock)
        {
            var known = StateJson.TryRead<DatabasesReport>(path)?.Databases ?? [];
            var added = databases.Select(database => new DatabaseConnection(database.Name, serverName, database.ConnectionString)).ToList();
            var report = new DatabasesReport
            {
                Databases = known.Where(entry => entry.Server != serverName || added.All(a => a.Name != entry.Name)).Concat(added).ToList(),
            };
            StateJson.WritePrivate(path, report);
        }
    }
}

/// <summary>A database's resource name and its full connection string.</summary>
internal sealed record DatabaseConnectionString(string Name, string ConnectionString);
