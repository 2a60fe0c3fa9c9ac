using System.Reflection;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Settings;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting;

/// <summary>
/// The key of a server's template: what determines its rows and schema, and nothing else. The product (its version
/// and the seeder's build: deterministic builds change its module id only when its code changes), the PostgreSQL
/// binaries or container image (a data folder belongs to one major version and build), then per seeded database: its name, the seed settings with
/// the profile's scale, and the migrations' content (the EF Core project's files, or the SQL folder's), or, where no
/// such files say what the schema is, the source of the services whose code makes it (<see cref="SchemaCode"/>). The
/// databases go in by name, each with its own inputs: declaring them in another order changes no row (each database
/// is created, migrated and seeded on its own), while moving a setting from one database to another does, and
/// changes the key.
/// </summary>
internal static class SeedTemplateKey
{
    /// <param name="setup">The server.</param>
    /// <param name="databases">
    /// Each seeded database, its seed settings under the environment's profile, and the project files of the services
    /// whose code makes its schema (<see cref="SchemaCode"/>; empty when migrations' files say it).
    /// </param>
    public static TemplateKey Of(LocalPostgresSetup setup, IEnumerable<SeededDatabaseInputs> databases) => Of(PostgresBinaries(setup), databases);

    /// <param name="postgres">
    /// What the server runs: its binaries' path, size and time (<see cref="PostgresBinaries"/>), or for a container
    /// its image's name and the id the engine gives it (a tag can move to another build; the id cannot).
    /// </param>
    /// <param name="databases">As above.</param>
    public static TemplateKey Of(string postgres, IEnumerable<SeededDatabaseInputs> databases)
    {
        var key = new TemplateKey()
            .Add("product", $"{ProductVersion()} seeder {typeof(DatabaseSeeder).Assembly.ManifestModule.ModuleVersionId:N}")
            .Add("postgres", postgres);
        foreach (var database in databases.OrderBy(database => database.Seed.DatabaseName, StringComparer.Ordinal))
        {
            AddDatabase(key, database);
        }

        return key;
    }

    // A server with one database has the inputs it had before servers with several got templates.
    private static void AddDatabase(TemplateKey key, SeededDatabaseInputs database)
    {
        var seed = database.Seed;
        key.Add("database", seed.DatabaseName)
            .Add("seed settings", SeedSettingsText.Of(database.Settings, seed.Entry.Exclude.Select(table => table.Value), SeedSettingsFactory.ExistingOf(seed.Entry)));
        var folder = Path.GetDirectoryName(seed.ManifestPath)!;
        var migrations = seed.Entry.Migrations;
        if (migrations?.Service is { } service)
        {
            key.Add("migrating service", service.Value);
        }

        if (migrations?.EfCore is { } efCore)
        {
            // efcore: names the project file or its folder; the migrations are the folder's files either way.
            var project = Path.GetFullPath(Path.Combine(folder, efCore.Value));
            key.AddFolder("ef core project", File.Exists(project) ? Path.GetDirectoryName(project)! : project);
        }

        if (migrations?.Sql is { } sql)
        {
            key.AddFolder("sql migrations", Path.GetFullPath(Path.Combine(folder, sql.Value)));
        }

        foreach (var (codeService, projectFile) in database.SchemaCode)
        {
            key.AddProject($"code of service {codeService}", projectFile);
        }

        if (migrations is null)
        {
            key.Add("migrations", "none");
        }
    }

    private static string ProductVersion() =>
        typeof(SeedTemplateKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    internal static string PostgresBinaries(LocalPostgresSetup setup)
    {
        var server = new FileInfo(setup.Tool("postgres"));
        return server.Exists
            ? $"{server.FullName} {server.Length} {server.LastWriteTimeUtc:O}"
            : setup.BinDirectory;
    }
}

/// <summary>What a seeded database adds to its server's template key.</summary>
/// <param name="Seed">The seeded database.</param>
/// <param name="Settings">Its seed settings under the environment's profile.</param>
/// <param name="SchemaCode">The project files of the services whose code makes its schema; empty when migrations' files say it.</param>
internal sealed record SeededDatabaseInputs(PreviewSeedResource Seed, SeedSettings Settings, IReadOnlyList<(string Service, string ProjectFile)> SchemaCode);
