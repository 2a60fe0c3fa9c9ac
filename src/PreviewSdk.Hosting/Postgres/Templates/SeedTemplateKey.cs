using System.Reflection;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Templates;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Settings;
using PreviewSdk.Seeding.Templates;

namespace Aspire.Hosting;

/// <summary>
/// The key of a seeded database's template: what determines its rows and schema, and nothing else. The product (its
/// version and the seeder's build: deterministic builds change its module id only when its code changes), the
/// PostgreSQL binaries (a data folder belongs to one major version), the database's name, the seed settings with the
/// profile's scale, and the migrations' content (the EF Core project's files, or the SQL folder's), or, where no such
/// files say what the schema is, the source of the services whose code makes it (<see cref="SchemaCode"/>).
/// </summary>
internal static class SeedTemplateKey
{
    /// <param name="setup">The server.</param>
    /// <param name="seed">The seeded database.</param>
    /// <param name="settings">Its seed settings under the environment's profile.</param>
    /// <param name="schemaCode">The project files of the services whose code makes the schema (<see cref="SchemaCode"/>); empty when migrations' files say it.</param>
    public static TemplateKey Of(LocalPostgresSetup setup, PreviewSeedResource seed, SeedSettings settings, IReadOnlyList<(string Service, string ProjectFile)> schemaCode)
    {
        var key = new TemplateKey()
            .Add("product", $"{ProductVersion()} seeder {typeof(DatabaseSeeder).Assembly.ManifestModule.ModuleVersionId:N}")
            .Add("postgres", PostgresBinaries(setup))
            .Add("database", seed.DatabaseName)
            .Add("seed settings", SeedSettingsText.Of(settings, seed.Entry.Exclude.Select(table => table.Value), SeedSettingsFactory.ExistingOf(seed.Entry)));
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

        foreach (var (codeService, projectFile) in schemaCode)
        {
            key.AddProject($"code of service {codeService}", projectFile);
        }

        return migrations is null ? key.Add("migrations", "none") : key;
    }

    private static string ProductVersion() =>
        typeof(SeedTemplateKey).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static string PostgresBinaries(LocalPostgresSetup setup)
    {
        var server = new FileInfo(setup.Tool("postgres"));
        return server.Exists
            ? $"{server.FullName} {server.Length} {server.LastWriteTimeUtc:O}"
            : setup.BinDirectory;
    }
}
