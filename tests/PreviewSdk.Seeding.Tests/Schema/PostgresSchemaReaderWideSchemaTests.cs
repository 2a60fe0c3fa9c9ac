using System.Text;
using Npgsql;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Schema;

[TestClass]
public sealed class PostgresSchemaReaderWideSchemaTests
{
    private const int TableCount = 50;

    [TestMethod]
    public async Task ReadAsync_reads_every_table_and_constraint_of_a_fifty_table_schema()
    {
        var postgres = await TestPostgres.Shared();
        var database = await postgres.CreateDatabaseAsync("wide");
        await postgres.ExecuteAsync(database, WideSchema());
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database));
        await connection.OpenAsync();

        var schema = await PostgresSchemaReader.ReadAsync(connection, SchemaReadOptions.Default);

        Assert.HasCount(TableCount, schema.Tables);
        Assert.IsTrue(schema.Tables.All(table => table.Columns.Count == 10 && table.Checks.Count == 1 && table.Uniques.Count == 1));
        Assert.AreEqual(2 * (TableCount - 2) + 1, schema.Tables.Sum(table => table.ForeignKeys.Count));
    }

    // Tables t01..t50 of ten columns each (identity key, enum, domain, array, json, two foreign keys to earlier
    // tables, a composite unique and a check), the shape of a mid-sized application database.
    private static string WideSchema()
    {
        var sql = new StringBuilder("""
            CREATE TYPE state AS ENUM ('draft', 'live', 'archived');
            CREATE DOMAIN amount AS numeric(12, 2) CHECK (VALUE >= 0);

            """);
        for (var i = 1; i <= TableCount; i++)
        {
            var name = $"t{i:D2}";
            var parentA = i > 1 ? $"REFERENCES t{i - 1:D2} (id)" : "";
            var parentB = i > 2 ? $"REFERENCES t{i - 2:D2} (id)" : "";
            sql.AppendLine($"""
                CREATE TABLE {name} (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    code varchar(20) NOT NULL,
                    state state NOT NULL DEFAULT 'draft',
                    total amount,
                    tags text[],
                    data jsonb,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    updated_at timestamptz,
                    a_id bigint {parentA},
                    b_id bigint {parentB},
                    CONSTRAINT {name}_code_state UNIQUE (code, state),
                    CONSTRAINT {name}_dates CHECK (updated_at IS NULL OR updated_at >= created_at));
                """);
        }

        return sql.ToString();
    }
}
