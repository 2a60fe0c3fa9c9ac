using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PreviewSdk.Core.Environments;
using PreviewSdk.Seeding.Loading;

namespace Aspire.Hosting;

/// <summary>Creates a local server's declared databases once it is ready.</summary>
internal static class PostgresDatabases
{
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

        RecordConnections(server, connectionString, services.GetService<PreviewRuntime>());
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
    /// Drops <paramref name="database"/> (closing the connections services hold to it) and creates it again, empty and
    /// marked as the environment's: the dashboard's Reset. Migrations are the caller's.
    /// </summary>
    public static async Task RecreateAsync(LocalPostgresDatabaseResource database, IServiceProvider services, CancellationToken cancellationToken)
    {
        var connectionString = await database.Parent.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var connection = new NpgsqlConnection($"{connectionString};Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quoted(database.DatabaseName)} WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await CreateMarkedAsync(connection, connectionString, database.DatabaseName, services.GetService<PreviewRuntime>(), cancellationToken);
    }

    private static async Task CreateMarkedAsync(NpgsqlConnection server, string? connectionString, string databaseName, PreviewRuntime? runtime, CancellationToken cancellationToken)
    {
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Quoted(databaseName)}", server);
        await create.ExecuteNonQueryAsync(cancellationToken);
        await MarkAsync(connectionString, databaseName, runtime, cancellationToken);
    }

    // Identifiers cannot be parameters; the name is quoted with embedded quotes doubled.
    private static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // The seed guard writes only into a database that carries its environment's mark, which only the database
    // created here gets.
    private static async Task MarkAsync(string? connectionString, string databaseName, PreviewRuntime? runtime, CancellationToken cancellationToken)
    {
        if (runtime is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection($"{connectionString};Database={databaseName};Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await SeedGuard.MarkAsync(connection, runtime.EnvironmentId, cancellationToken);
    }

    // -t:PreviewSeed reaches a running environment's databases through this file; it holds passwords, so only the
    // owner may read it (the state folder is the user's own).
    private static void RecordConnections(LocalPostgresServerResource server, string? connectionString, PreviewRuntime? runtime)
    {
        if (runtime is null || connectionString is null)
        {
            return;
        }

        var path = Path.Combine(runtime.StateDirectory, StateFiles.Databases);
        lock (server.Setup)
        {
            var known = StateJson.TryRead<DatabasesReport>(path)?.Databases ?? [];
            var added = server.Databases.Select(database =>
                new DatabaseConnection(database.Name, server.Name, $"{connectionString};Database={database.DatabaseName}"));
            var report = new DatabasesReport
            {
                Databases = known.Where(entry => entry.Server != server.Name).Concat(added).ToList(),
            };
            StateJson.WritePrivate(path, report);
        }
    }
}
