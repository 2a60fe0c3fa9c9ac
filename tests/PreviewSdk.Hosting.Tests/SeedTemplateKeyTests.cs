using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace PreviewSdk.Hosting.Tests;

/// <summary>A template's key changes with everything that changes its content, and with nothing else.</summary>
[TestClass]
public sealed class SeedTemplateKeyTests
{
    [TestMethod]
    public void Key_IsTheSameForTheSameSchemaAndSeed_EvenWhenPreviewYamlMovesTheEntry()
    {
        using var project = new KeyProject();
        var first = project.Key();
        project.WriteManifest(seed: 42, items: 25, prefix: "# a comment that moves every line down\n\n");
        Assert.AreEqual(first, project.Key());
    }

    [TestMethod]
    public void Key_ChangesWithANewMigration()
    {
        using var project = new KeyProject();
        var before = project.Key();
        File.WriteAllText(Path.Combine(project.Folder, "migrations", "002_more.sql"), "ALTER TABLE items ADD COLUMN note text;");
        Assert.AreNotEqual(before, project.Key());
    }

    [TestMethod]
    public void Key_ChangesWithAnEditedMigration_ButNotWithBuildOutput()
    {
        using var project = new KeyProject();
        var before = project.Key();
        Directory.CreateDirectory(Path.Combine(project.Folder, "migrations", "obj"));
        File.WriteAllText(Path.Combine(project.Folder, "migrations", "obj", "cache.txt"), "build output");
        Assert.AreEqual(before, project.Key(), "bin/ and obj/ are no migrations' content.");
        File.AppendAllText(Path.Combine(project.Folder, "migrations", "001_items.sql"), "\nCREATE INDEX ON items (name);");
        Assert.AreNotEqual(before, project.Key());
    }

    [TestMethod]
    public void Key_ChangesWithAnotherSeed_OtherSettings_AndAnotherScale()
    {
        using var project = new KeyProject();
        var keys = new HashSet<string> { project.Key() };
        project.WriteManifest(seed: 7, items: 25);
        Assert.IsTrue(keys.Add(project.Key()), "another seed");
        project.WriteManifest(seed: 7, items: 26);
        Assert.IsTrue(keys.Add(project.Key()), "other row counts");
        Assert.IsTrue(keys.Add(project.Key(scale: 20)), "another profile scale");
    }

    [TestMethod]
    public void Key_CoversTheMigratingServicesCode_WhenNoMigrationFilesSayWhatTheSchemaIs()
    {
        using var project = new KeyProject();
        project.WriteManifest(seed: 42, items: 25, migrations: "{ service: api }");
        var api = project.WriteProjects();
        var folder = Path.GetDirectoryName(api)!;
        var keys = new HashSet<string> { project.Key(schemaCode: [("api", api)]) };

        Directory.CreateDirectory(Path.Combine(folder, "obj"));
        File.WriteAllText(Path.Combine(folder, "obj", "project.assets.json"), "{}");
        Assert.Contains(project.Key(schemaCode: [("api", api)]), keys, "Build output is not the service's code.");

        File.WriteAllText(Path.Combine(folder, "Program.cs"), "db.Database.EnsureCreated(); app.Run();");
        Assert.IsTrue(keys.Add(project.Key(schemaCode: [("api", api)])), "the service's own code");
        File.WriteAllText(Path.Combine(project.Folder, "src", "Data", "Item.cs"), "public class Item { public int Id { get; set; } public string? Note { get; set; } }");
        Assert.IsTrue(keys.Add(project.Key(schemaCode: [("api", api)])), "a project the service references (its model)");
        File.WriteAllText(Path.Combine(project.Folder, "Directory.Packages.props"), "<Project />");
        Assert.IsTrue(keys.Add(project.Key(schemaCode: [("api", api)])), "package versions above the projects");
    }

    [TestMethod]
    public void SchemaCode_IsTheMigratingServiceWithoutEfCore_TheUsersWithoutAMigrator_AndNoneForMigrationFiles()
    {
        using var project = new KeyProject();
        project.WriteProjects();
        CollectionAssert.AreEqual(Array.Empty<string>(), project.SchemaServices().ToArray(), "sql: files say the schema");
        project.WriteManifest(seed: 42, items: 25, migrations: "{ service: api, efcore: src/Data }");
        CollectionAssert.AreEqual(Array.Empty<string>(), project.SchemaServices().ToArray(), "the migrating service applies efcore:'s migrations");
        project.WriteManifest(seed: 42, items: 25, migrations: "{ service: web }");
        CollectionAssert.AreEqual(new[] { "web" }, project.SchemaServices().ToArray(), "the migrating service's code is the schema");
        project.WriteManifest(seed: 42, items: 25, migrations: "{ efcore: src/Data }", uses: "[postgres]");
        CollectionAssert.AreEqual(new[] { "api" }, project.SchemaServices().ToArray(), "without a migrating service, whoever uses the server may make the schema");
    }

    [TestMethod]
    public void Key_WithEfCoreNamingTheProjectFile_CoversTheMigrationsBesideIt()
    {
        using var project = new KeyProject();
        project.WriteProjects();
        project.WriteManifest(seed: 42, items: 25, migrations: "{ service: api, efcore: src/Data/Data.csproj }");
        var before = project.Key();
        Directory.CreateDirectory(Path.Combine(project.Folder, "src", "Data", "Migrations"));
        File.WriteAllText(Path.Combine(project.Folder, "src", "Data", "Migrations", "20261207000000_AddNote.cs"), "[Migration(\"20261207000000_AddNote\")] class AddNote { }");
        Assert.AreNotEqual(before, project.Key());
    }

    [TestMethod]
    public async Task SchemaCode_ProjectsOf_FindsEachServicesProjectInTheAppModel_AndNoneForAServiceThatIsNoProject()
    {
        using var project = new KeyProject();
        var api = project.WriteProjects();
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        builder.AddProject("api", api);
        builder.AddContainer("web", "nginx");
        await using var app = builder.Build();

        var projects = SchemaCode.ProjectsOf(["api", "web"], app.Services.GetRequiredService<DistributedApplicationModel>());

        CollectionAssert.AreEqual(new (string, string?)[] { ("api", api), ("web", null) }, projects.ToArray());
    }

    private sealed class KeyProject : IDisposable
    {
        private readonly TestRuntime test = new();

        public KeyProject()
        {
            Folder = Path.Combine(test.StateDirectory, "project");
            Directory.CreateDirectory(Path.Combine(Folder, "migrations"));
            File.WriteAllText(Path.Combine(Folder, "migrations", "001_items.sql"), "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);");
            WriteManifest(seed: 42, items: 25);
        }

        public string Folder { get; }

        private string Manifest => Path.Combine(Folder, "preview.yaml");

        public void WriteManifest(int seed, int items, string prefix = "", string migrations = "{ sql: migrations }", string uses = "[appdb]") => File.WriteAllText(Manifest, $$"""
            {{prefix}}dependencies:
              postgres:
                type: postgres
                databases: [appdb]
            services:
              api:
                uses: {{uses}}
              web: {}
            seed:
              appdb:
                seed: {{seed}}
                migrations: {{migrations}}
                tables:
                  items: {{items}}
            """);

        /// <summary>
        /// Writes src/Api/Api.csproj (the service) referencing src/Data/Data.csproj (its model), a
        /// Directory.Packages.props above both, and returns the service's project file.
        /// </summary>
        public string WriteProjects()
        {
            var api = Path.Combine(Folder, "src", "Api");
            var data = Path.Combine(Folder, "src", "Data");
            Directory.CreateDirectory(api);
            Directory.CreateDirectory(data);
            File.WriteAllText(Path.Combine(api, "Api.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <ItemGroup><ProjectReference Include="..\Data\Data.csproj" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(api, "Program.cs"), "app.Run();");
            File.WriteAllText(Path.Combine(data, "Data.csproj"), """<Project Sdk="Microsoft.NET.Sdk"></Project>""");
            File.WriteAllText(Path.Combine(data, "Item.cs"), "public class Item { public int Id { get; set; } }");
            File.WriteAllText(Path.Combine(Folder, "Directory.Packages.props"), "<Project><ItemGroup><PackageVersion Include=\"Npgsql.EntityFrameworkCore.PostgreSQL\" Version=\"10.0.0\" /></ItemGroup></Project>");
            return Path.Combine(api, "Api.csproj");
        }

        /// <summary>The services SchemaCode finds for appdb under the current preview.yaml.</summary>
        public IReadOnlyList<string> SchemaServices()
        {
            var builder = test.CreateBuilder();
            var server = builder.AddLocalPostgres("postgres");
            server.AddDatabase("appdb").WithSeedData(Manifest);
            return SchemaCode.ServicesOf(server.Resource.Setup.TemplateSeed!, PreviewManifestFile.Read(Manifest));
        }

        // The key as an app host of this project computes it, without starting anything.
        public string Key(double scale = 1, IReadOnlyList<(string Service, string ProjectFile)>? schemaCode = null)
        {
            var builder = test.CreateBuilder();
            var server = builder.AddLocalPostgres("postgres");
            server.AddDatabase("appdb").WithSeedData(Manifest);
            var setup = server.Resource.Setup;
            var seed = setup.TemplateSeed!;
            var settings = seed.SettingsFor(test.Runtime, profile: null);
            return SeedTemplateKey.Of(setup, seed, settings with { Scale = settings.Scale * scale }, schemaCode ?? []).Value();
        }

        public void Dispose() => test.Dispose();
    }
}
