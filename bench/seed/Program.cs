// build/bench.sh seed — seeding throughput against the raw insert limit, in one run on one scratch server:
//   1. seed: DatabaseSeeder on an empty database of schema.sql (schema read, plan, generation with foreign keys and
//      constraints, binary COPY, sequences, commit), timed end to end; peak memory of this process after it;
//   2. copy: the same rows, exported to CSV beforehand (not timed), loaded into a second empty database of the same
//      schema by psql's \copy … FROM in one transaction, timed from the start of psql to its exit.
// Prints both throughputs, their ratio and the peak memory; the last line is
//   seed: rows=<n> rows_per_s=<x> copy_rows_per_s=<y> ratio=<x/y> peak_mb=<m>
// Target: ratio >= 0.5. Options: --scale <factor> multiplies every row count (default 1: about 285,000 rows).
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Scratch;
using PreviewSdk.Seeding.Settings;

var scale = args.Length == 2 && args[0] == "--scale" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
var settings = new SeedSettings
{
    Seed = 2026,
    Scale = scale,
    Tables = new Dictionary<string, TableSeedSettings>
    {
        ["regions"] = new() { Rows = 50 },
        ["customers"] = new() { Rows = 30_000 },
        ["addresses"] = new() { PerParent = new PerParentSizing("customers", 1, 2) },
        ["categories"] = new() { Rows = 200 },
        ["suppliers"] = new() { Rows = 500 },
        ["products"] = new() { Rows = 10_000 },
        ["warehouses"] = new() { Rows = 20 },
        ["stock_levels"] = new() { Rows = 20_000 },
        ["orders"] = new() { Rows = 40_000 },
        ["order_lines"] = new() { PerParent = new PerParentSizing("orders", 1, 4) },
        ["payments"] = new() { Rows = 25_000 },
        ["reviews"] = new() { Rows = 15_000 },
    },
};

var schemaSql = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "schema.sql"));
var locator = new LocalBinaryLocator();
// psql beside the server binaries, else on PATH (Debian's /usr/bin/psql picks the installed version).
var psql = locator.FindPostgresBinDirectory() is { } bin && File.Exists(Path.Combine(bin, "psql"))
    ? Path.Combine(bin, "psql")
    : locator.FindOnPath("psql") ?? throw new InvalidOperationException("psql not found: apt-get install postgresql-client.");
var work = Directory.CreateTempSubdirectory("previewsdk-bench-seed-");
try
{
    await using var server = await ScratchPostgres.StartAsync(null, CancellationToken.None);
    Console.WriteLine($"seed benchmark: scratch PostgreSQL on port {server.Port}, {Environment.ProcessorCount} cores, scale {scale.ToString(CultureInfo.InvariantCulture)}");

    // 1. Seeding, end to end.
    await server.CreateDatabaseAsync("seeded", CancellationToken.None);
    await using (var connection = new NpgsqlConnection(server.ConnectionString("seeded")))
    {
        await connection.OpenAsync();
        await Execute(connection, schemaSql);
        await SeedGuard.MarkAsync(connection, "bench");
    }

    SeedSummary summary;
    var seedWatch = Stopwatch.StartNew();
    await using (var connection = new NpgsqlConnection(server.ConnectionString("seeded")))
    {
        await connection.OpenAsync();
        var result = await DatabaseSeeder.SeedAsync(connection, new SeedRequest(settings) { EnvironmentId = "bench" }, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }

        summary = result.Summary!;
    }

    seedWatch.Stop();
    var peakMb = PeakResidentMegabytes();
    foreach (var table in summary.Tables)
    {
        Console.WriteLine($"  {table.Table,-14} {table.Rows,9:N0} rows");
    }

    // 2. The same rows as CSV, loaded by psql \copy in one transaction, in the seeder's (parents first) order.
    var password = new NpgsqlConnectionStringBuilder(server.ConnectionString()).Password!;
    var export = string.Join('\n', summary.Tables.Select(t => $"\\copy {t.Table} TO '{Path.Combine(work.FullName, t.Table + ".csv")}' CSV"));
    await RunPsql(psql, server.Port, password, "seeded", export);
    await server.CreateDatabaseAsync("copied", CancellationToken.None);
    await using (var connection = new NpgsqlConnection(server.ConnectionString("copied")))
    {
        await connection.OpenAsync();
        await Execute(connection, schemaSql);
    }

    var import = string.Join('\n', summary.Tables.Select(t => $"\\copy {t.Table} FROM '{Path.Combine(work.FullName, t.Table + ".csv")}' CSV"));
    var copyWatch = Stopwatch.StartNew();
    await RunPsql(psql, server.Port, password, "copied", import, singleTransaction: true);
    copyWatch.Stop();

    long copiedRows;
    await using (var connection = new NpgsqlConnection(server.ConnectionString("copied")))
    {
        await connection.OpenAsync();
        var counts = string.Join(" + ", summary.Tables.Select(t => $"(SELECT count(*) FROM {t.Table})"));
        await using var command = new NpgsqlCommand($"SELECT {counts}", connection);
        copiedRows = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    if (copiedRows != summary.TotalRows)
    {
        throw new InvalidOperationException($"psql loaded {copiedRows} rows, the seeder {summary.TotalRows}.");
    }

    var rows = summary.TotalRows;
    var seedRate = rows / seedWatch.Elapsed.TotalSeconds;
    var copyRate = rows / copyWatch.Elapsed.TotalSeconds;
    Console.WriteLine(FormattableString.Invariant($"seeding   {rows:N0} rows of {summary.Tables.Count} tables in {seedWatch.Elapsed.TotalSeconds:0.00} s: {seedRate:N0} rows/s (generation, foreign keys, constraints, COPY, commit)"));
    Console.WriteLine(FormattableString.Invariant($"psql copy {rows:N0} rows from CSV in {copyWatch.Elapsed.TotalSeconds:0.00} s: {copyRate:N0} rows/s (raw insert limit)"));
    Console.WriteLine(FormattableString.Invariant($"peak memory of the seeding process: {peakMb:0} MB"));
    Console.WriteLine(FormattableString.Invariant($"seed: rows={rows} rows_per_s={seedRate:0} copy_rows_per_s={copyRate:0} ratio={seedRate / copyRate:0.00} peak_mb={peakMb:0}"));
}
finally
{
    work.Delete(recursive: true);
}

static async Task Execute(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task RunPsql(string psql, int port, string password, string database, string script, bool singleTransaction = false)
{
    var start = new ProcessStartInfo(psql) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in (string[])["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database])
    {
        start.ArgumentList.Add(argument);
    }

    if (singleTransaction)
    {
        start.ArgumentList.Add("--single-transaction");
    }

    start.Environment["PGPASSWORD"] = password;
    using var process = Process.Start(start)!;
    await process.StandardInput.WriteAsync(script + "\n");
    process.StandardInput.Close();
    var error = process.StandardError.ReadToEndAsync();
    await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"psql failed: {await error}");
    }
}

// VmHWM: the most resident memory this process ever had, which covers everything the seeding allocated.
static double PeakResidentMegabytes()
{
    var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}
