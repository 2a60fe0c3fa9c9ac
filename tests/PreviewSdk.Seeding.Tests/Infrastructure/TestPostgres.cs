using Npgsql;
using PreviewSdk.Seeding.Scratch;

namespace PreviewSdk.Seeding.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests: the product's <see cref="ScratchPostgres"/> (installed binaries, a temp
/// folder, a free port, the <c>postgres</c> account when root), one for the whole test run (<see cref="Shared"/>),
/// stopped when the run ends. Each test creates its own database.
/// </summary>
internal sealed class TestPostgres
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "previewsdk-seeding-tests");
    private static TestPostgres? shared;
    private readonly ScratchPostgres server;

    private TestPostgres(ScratchPostgres server) => this.server = server;

    /// <summary>The server every test shares, started on first use and stopped when the test run ends.</summary>
    public static async Task<TestPostgres> Shared()
    {
        await StartLock.WaitAsync();
        try
        {
            return shared ??= new TestPostgres(await ScratchPostgres.StartAsync(Root, CancellationToken.None));
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Stops the shared server, if one was started.</summary>
    public static async Task StopShared()
    {
        if (shared is { } started)
        {
            shared = null;
            await started.server.DisposeAsync();
        }
    }

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => server.ConnectionString(database);

    /// <summary>Creates a fresh, empty database with a unique name (from <paramref name="prefix"/>) and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await server.CreateDatabaseAsync(name, CancellationToken.None);
        return name;
    }

    /// <summary>Runs SQL (several statements allowed) in <paramref name="database"/>.</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of a query in <paramref name="database"/>.</summary>
    public async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
