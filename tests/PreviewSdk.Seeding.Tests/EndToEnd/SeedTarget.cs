using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Settings;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// A fresh database on the shared test server holding one schema, seeded through <see cref="DatabaseSeeder.SeedAsync"/>
/// the way the hosting layer does it, and read back with plain SQL so the assertions never trust the seeder.
/// </summary>
internal sealed class SeedTarget
{
    /// <summary>The environment every test database belongs to unless a test says otherwise.</summary>
    public const string Environment = "env-1";

    private SeedTarget(TestPostgres server, string name)
    {
        Server = server;
        Name = name;
    }

    public TestPostgres Server { get; }

    public string Name { get; }

    /// <summary>Creates the database, runs <paramref name="sql"/> in it and marks it as <paramref name="markedFor"/>'s (unmarked when null).</summary>
    public static async Task<SeedTarget> CreateAsync(string sql, string? markedFor = Environment)
    {
        var server = await TestPostgres.Shared();
        var target = new SeedTarget(server, await server.CreateDatabaseAsync("e2e"));
        await target.ExecuteAsync(sql);
        if (markedFor is not null)
        {
            await using var connection = await target.OpenAsync();
            await SeedGuard.MarkAsync(connection, markedFor);
        }

        return target;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Server.ConnectionString(Name));
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Seeds the database as environment <paramref name="environment"/>, leaving <paramref name="excluded"/> out (preview.yaml's <c>exclude:</c>).</summary>
    public async Task<SeedRunResult> SeedAsync(SeedSettings settings, bool reset = false, string environment = Environment, IReadOnlyList<string>? excluded = null)
    {
        await using var connection = await OpenAsync();
        return await DatabaseSeeder.SeedAsync(
            connection, new SeedRequest(settings) { EnvironmentId = environment, Reset = reset, ExcludedTables = excluded ?? [] }, CancellationToken.None);
    }

    /// <summary>Seeds and asserts success, printing every diagnostic when it failed.</summary>
    public async Task<SeedSummary> SeedSuccessfullyAsync(SeedSettings settings, bool reset = false, IReadOnlyList<string>? excluded = null)
    {
        var result = await SeedAsync(settings, reset, excluded: excluded);
        Assert.IsTrue(result.Succeeded, "Seeding failed:\n" + Describe(result.Diagnostics));
        return result.Summary!;
    }

    public Task ExecuteAsync(string sql) => Server.ExecuteAsync(Name, sql);

    public Task<T> ScalarAsync<T>(string sql) => Server.ScalarAsync<T>(Name, sql);

    public Task<long> CountAsync(string table) => ScalarAsync<long>($"SELECT count(*) FROM {table}");

    /// <summary>The first column of every row of a query, as text (NULL as "NULL").</summary>
    public async Task<List<string>> ListAsync(string sql) => (await RowsAsync(sql)).Select(row => row[0]).ToList();

    /// <summary>Every row of a query, each value as text (NULL as "NULL").</summary>
    public async Task<List<string[]>> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every ordinary and partitioned table outside the system schemas, as SQL names (<c>orders</c>, <c>crm.tickets</c>), in order.</summary>
    public Task<List<string>> TablesAsync() => ListAsync("""
        SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        ORDER BY 1
        """);

    /// <summary>The table's columns (quoted as needed), in their order, generated ones included.</summary>
    public Task<List<string>> ColumnsAsync(string table) => ListAsync($"""
        SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = '{table}'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum
        """);

    /// <summary>
    /// The rows of <paramref name="table"/> as PostgreSQL's COPY text, ordered by the primary key (by every column
    /// without one): equal dumps mean equal rows, byte for byte. Only <paramref name="columns"/> when given.
    /// </summary>
    public async Task<string> DumpAsync(string table, IReadOnlyList<string>? columns = null)
    {
        columns ??= await ColumnsAsync(table);
        var key = await ListAsync($"""
            SELECT quote_ident(a.attname) FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = '{table}'::regclass AND i.indisprimary ORDER BY k.position
            """);
        var order = string.Join(", ", key.Count > 0 ? key : columns);
        await using var connection = await OpenAsync();
        using var export = await connection.BeginTextExportAsync($"COPY (SELECT {string.Join(", ", columns)} FROM {table} ORDER BY {order}) TO STDOUT");
        return await export.ReadToEndAsync();
    }

    /// <summary>Row counts of every table, by SQL name.</summary>
    public async Task<Dictionary<string, long>> CountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in await TablesAsync())
        {
            counts[table] = await CountAsync(table);
        }

        return counts;
    }

    /// <summary>Asserts that no table holds a row, naming those that do.</summary>
    public async Task AssertNoRowsAsync()
    {
        var counts = await CountsAsync();
        Assert.IsNotEmpty(counts);
        Assert.IsTrue(counts.Values.All(rows => rows == 0), "Rows were written: " + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
    }

    /// <summary>Asserts a refused run (no summary, exactly one error) with <paramref name="code"/>, and returns the error.</summary>
    public static PreviewDiagnostic SingleError(SeedRunResult result, string code)
    {
        Assert.IsFalse(result.Succeeded);
        Assert.IsNull(result.Summary);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.HasCount(1, errors, Describe(result.Diagnostics));
        Assert.AreEqual(code, errors[0].Code, errors[0].ToString());
        return errors[0];
    }

    public static string Describe(IEnumerable<PreviewDiagnostic> diagnostics) => string.Join('\n', diagnostics.Select(d => d.ToString()));
}
