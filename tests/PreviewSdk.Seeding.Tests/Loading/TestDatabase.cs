using Npgsql;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>A fresh database on the shared test server, created with the tables of one test.</summary>
internal sealed class TestDatabase
{
    private TestDatabase(TestPostgres server, string name)
    {
        Server = server;
        Name = name;
    }

    public TestPostgres Server { get; }

    public string Name { get; }

    /// <summary>Creates the database and runs <paramref name="sql"/> (the tables) in it.</summary>
    public static async Task<TestDatabase> CreateAsync(string sql)
    {
        var server = await TestPostgres.Shared();
        var name = await server.CreateDatabaseAsync("load");
        if (sql.Length > 0)
        {
            await server.ExecuteAsync(name, sql);
        }

        return new TestDatabase(server, name);
    }

    /// <summary>An open connection, as the loader gets it.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Server.ConnectionString(Name));
        await connection.OpenAsync();
        return connection;
    }

    public Task ExecuteAsync(string sql) => Server.ExecuteAsync(Name, sql);

    public Task<T> ScalarAsync<T>(string sql) => Server.ScalarAsync<T>(Name, sql);

    public Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");
}
