using Npgsql;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Schema;

/// <summary>Sql/rich-schema.sql loaded into a fresh database of the shared test server.</summary>
internal static class RichSchema
{
    public static string Sql => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sql", "rich-schema.sql"));

    /// <summary>Creates a database holding the rich schema and returns its name.</summary>
    public static async Task<string> CreateDatabaseAsync(TestPostgres postgres)
    {
        var database = await postgres.CreateDatabaseAsync("rich");
        await postgres.ExecuteAsync(database, Sql);
        return database;
    }

    public static async Task<DatabaseSchema> ReadAsync(TestPostgres postgres, string database, SchemaReadOptions? options = null)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database));
        await connection.OpenAsync();
        return await PostgresSchemaReader.ReadAsync(connection, options ?? SchemaReadOptions.Default);
    }
}
