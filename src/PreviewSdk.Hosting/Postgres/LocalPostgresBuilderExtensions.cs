using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aspire.Hosting;

/// <summary>Adds PostgreSQL run from locally installed binaries, without a container engine.</summary>
public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server run from the local binaries (<c>initdb</c>/<c>postgres</c> on PATH or in
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>), with a fresh data folder in the environment's state folder,
    /// a free loopback port and a random password. As root it runs as the <c>postgres</c> (or <c>nobody</c>) account.
    /// It is healthy once it answers a query.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var setup = LocalPostgresSetup.Create(builder.GetPreviewRuntime(), name);
        var (command, arguments) = setup.ServerCommand();
        var server = new LocalPostgresServerResource(name, command, setup.BaseDirectory, setup);
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheckKey, ct => PostgresProbe.CheckAsync(server, database: "postgres", ct));

        // The data folder (a template's clone, or initdb) is made while Aspire starts its orchestrator, which takes
        // one to two seconds before any resource starts, instead of once the server is about to start: it is then off
        // the path to the links. The server's start waits for it; a later start (a restart) finds the folder there.
        Task? early = null;
        Task InitializeAsync(IServiceProvider services, CancellationToken ct)
        {
            var log = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            return PostgresDataDirectory.InitializeAsync(setup, services, line => log.LogInformation("{Line}", line), ct);
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            early = Task.Run(() => InitializeAsync(e.Services, ct), ct);
            return Task.CompletedTask;
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (e, ct) =>
            Interlocked.Exchange(ref early, null) is { } first ? first.WaitAsync(ct) : InitializeAsync(e.Services, ct));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (e, ct) => PostgresDatabases.CreateAsync(server, e.Services, ct));

        return builder.AddResource(server)
            .WithArgs(arguments)
            .WithEndpoint(name: "tcp", scheme: "tcp", port: setup.Port, targetPort: setup.Port, isProxied: false)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("DatabaseStack");
    }

    /// <summary>
    /// Adds a database to the server; it is created once the server is ready and is healthy once it accepts a
    /// connection. Services reference the database to get its connection string.
    /// </summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(name);
        databaseName ??= name;
        var database = new LocalPostgresDatabaseResource(name, databaseName, server.Resource);
        server.Resource.Setup.Databases.Add(database);
        var healthCheckKey = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks()
            .AddAsyncCheck(healthCheckKey, ct => PostgresProbe.CheckAsync(server.Resource, databaseName, ct));
        return server.ApplicationBuilder.AddResource(database)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Database");
    }
}

/// <summary>Asks a local PostgreSQL server whether a database answers.</summary>
internal static class PostgresProbe
{
    public static async Task<HealthCheckResult> CheckAsync(LocalPostgresServerResource server, string database, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection($"{connectionString};Database={database};Timeout=3;Pooling=false");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL database '{database}' does not answer yet: {e.Message}");
        }
    }
}
