using System.Diagnostics;
using System.Text;
using Npgsql;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Schema;

[TestClass]
public sealed class PostgresSchemaReaderTimingTests
{
    private const int TableCount = 50;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ReadAsync_reads_a_fifty_table_schema_in_well_under_a_second()
    {
        var postgres = await TestPostgres.Shared();
        var database = await postgres.CreateDatabaseAsync("wide");
        await postgres.ExecuteAsync(database, WideSchema());
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database));
        await connection.OpenAsync();

        var timings = new List<double>();
        DatabaseSchema? schema = null;
        for (var read = 0; read < 3; read++)
        {
            var stopwatch = Stopwatch.StartNew();
            schema = await PostgresSchemaReader.ReadAsync(connection, SchemaReadOptions.Default);
            timings.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        TestContext.WriteLine($"Reading {TableCount} tables: {string.Join(", ", timings.Select(ms => $"{ms:F1} ms"))} (first read, then warm).");
        Assert.HasCount(TableCount, schema!.Tables);
        Assert.IsTrue(schema.Tables.All(table => table.Columns.Count == 10 && table.Checks.Count == 1 && table.Uniques.Count == 1));
        Assert.AreEqual(2 * (TableCount - 2) + 1, schema.Tables.Sum(table => table.ForeignKeys.Count));
        // Generous for a loaded two-core machine; one round trip takes a few tens of milliseconds.
        Assert.IsLessThan(1000.0, timings.Min());
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
