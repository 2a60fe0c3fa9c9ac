using Npgsql;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Migrations;
using PreviewSdk.Seeding.Tests.EndToEnd;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Corpus;

/// <summary>
/// One schema of the corpus (<c>Corpus/&lt;name&gt;/schema.sql</c>) loaded the way a user's environment loads it:
/// through the SQL migration runner, from a migrations folder. <see cref="DumpAsync"/> turns a loaded database into
/// the plain <c>pg_dump --schema-only</c> output of the machine's PostgreSQL, which is loaded the same way.
/// </summary>
internal static class CorpusSchema
{
    public static string SchemaPath(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name, "schema.sql");

    /// <summary>A new database of the shared server with <paramref name="sqlFile"/> applied by the runner, marked for seeding.</summary>
    public static async Task<SeedTarget> LoadAsync(string sqlFile)
    {
        var folder = Path.Combine(Path.GetTempPath(), "previewsdk-corpus", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.Copy(sqlFile, Path.Combine(folder, "001_schema.sql"));
            var target = await SeedTarget.CreateAsync("SELECT 1", markedFor: null);
            await using var connection = await target.OpenAsync();
            await new SqlFolderMigrations(folder, SourceLocation.WholeFile("preview.yaml"), $"the database '{target.Name}'").ApplyAllAsync(connection, CancellationToken.None);
            await SeedGuard.MarkAsync(connection, SeedTarget.Environment);
            return target;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The schema of <paramref name="source"/> as <c>pg_dump --schema-only</c> writes it, in a temp file.</summary>
    public static async Task<string> DumpAsync(SeedTarget source)
    {
        var pgDump = PgDump() ?? throw new AssertFailedException("No pg_dump on PATH or in /usr/lib/postgresql/<version>/bin.");
        var connection = new NpgsqlConnectionStringBuilder(source.Server.ConnectionString(source.Name));
        var file = Path.Combine(Path.GetTempPath(), $"previewsdk-dump-{Guid.NewGuid():N}.sql");
        var result = await ExternalProgram.RunAsync(
            pgDump,
            ["--schema-only", "--no-password", "-h", connection.Host!, "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", connection.Username!, "-f", file, source.Name],
            null,
            CancellationToken.None,
            new Dictionary<string, string> { ["PGPASSWORD"] = connection.Password ?? string.Empty });
        Assert.IsTrue(result.Succeeded, result.Output);
        return file;
    }

    // The server's own pg_dump first (a newer client would write what this server cannot read), else PATH's.
    private static string? PgDump()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        return versions.Select(folder => Path.Combine(folder, "bin", "pg_dump")).Where(File.Exists).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            ?? new LocalBinaryLocator().FindOnPath("pg_dump");
    }

    /// <summary>Every ordinary and partitioned table that is no partition, schema-qualified and quoted.</summary>
    public static Task<List<string>> TablesAsync(SeedTarget target) => target.ListAsync("""
        SELECT c.oid::regclass::text FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_%' AND c.relname <> '__preview_sql_migrations'
        ORDER BY 1
        """);

    /// <summary>Every row of every table as text, ordered, for comparing two seedings byte for byte.</summary>
    public static async Task<List<string>> ContentsAsync(SeedTarget target)
    {
        var lines = new List<string>();
        foreach (var table in await TablesAsync(target))
        {
            lines.Add($"== {table}");
            lines.AddRange(await target.ListAsync($"SELECT t::text FROM {table} t ORDER BY 1"));
        }

        return lines;
    }
}
