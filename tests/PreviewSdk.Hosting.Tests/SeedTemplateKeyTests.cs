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

    [TestMethod]
    public void Key_OfOneDatabase_HasTheInputsItHadBeforeServersWithSeveralGotTemplates()
    {
        using var project = new KeyProject();
        CollectionAssert.AreEqual(
            new[] { "product", "postgres", "database", "seed settings", "sql migrations" },
            project.Inputs().Select(input => input[..input.IndexOf(':', StringComparison.Ordinal)]).ToArray());
    }

    [TestMethod]
    public void Key_OfTwoDatabases_DoesNotDependOnTheOrderTheyAreDeclaredIn()
    {
        using var project = new ServerKeyProject();
        var key = project.Key(["catalog", "orders"]);
        project.WriteManifest(declared: "[orders, catalog]");
        Assert.AreEqual(key, project.Key(["orders", "catalog"]), "Each database is created, migrated and seeded on its own: the order changes no row.");
        CollectionAssert.AreEqual(
            new[] { "database: catalog", "database: orders" },
            project.Inputs(["orders", "catalog"]).Where(input => input.StartsWith("database: ", StringComparison.Ordinal)).ToArray());
    }

    [TestMethod]
    public void Key_OfTwoDatabases_ChangesWithOneDatabasesSeed_TheirSettingsSwapped_OrOneDatabasesMigration()
    {
        using var project = new ServerKeyProject();
        var keys = new HashSet<string> { project.Key(["catalog", "orders"]) };
        project.WriteManifest(ordersSeed: 8);
        Assert.IsTrue(keys.Add(project.Key(["catalog", "orders"])), "another seed for orders");
        project.WriteManifest(catalogSeed: 7, ordersSeed: 42);
        Assert.IsTrue(keys.Add(project.Key(["catalog", "orders"])), "the seeds swapped between the databases: other rows in each");
        project.WriteManifest();
        File.AppendAllText(Path.Combine(project.Folder, "orders-migrations", "001_orders.sql"), "\nCREATE INDEX ON orders (customer);");
        Assert.IsTrue(keys.Add(project.Key(["catalog", "orders"])), "an edited migration of orders");
    }

    [TestMethod]
    public void Key_OfTwoDatabases_SharingAMigrationsFolderStillBindsEachSeedToItsDatabase()
    {
        using var project = new ServerKeyProject();
        project.WriteManifest(ordersMigrations: "catalog-migrations");
        var key = project.Key(["catalog", "orders"]);
        project.WriteManifest(catalogSeed: 7, ordersSeed: 42, ordersMigrations: "catalog-migrations");
        Assert.AreNotEqual(key, project.Key(["catalog", "orders"]), "Same inputs as a set, other content: the pairs differ.");
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
            return SchemaCode.ServicesOf(server.Resource.Setup.Seeds.Single(), PreviewManifestFile.Read(Manifest));
        }

        public IReadOnlyList<string> Inputs() => KeyOf(scale: 1, schemaCode: null).Inputs;

        // The key as an app host of this project computes it, without starting anything.
        public string Key(double scale = 1, IReadOnlyList<(string Service, string ProjectFile)>? schemaCode = null) => KeyOf(scale, schemaCode).Value();

        private Core.Templates.TemplateKey KeyOf(double scale, IReadOnlyList<(string Service, string ProjectFile)>? schemaCode)
        {
            var builder = test.CreateBuilder();
            var server = builder.AddLocalPostgres("postgres");
            server.AddDatabase("appdb").WithSeedData(Manifest);
            var setup = server.Resource.Setup;
            var seed = setup.Seeds.Single();
            var settings = seed.SettingsFor(test.Runtime, profile: null);
            return SeedTemplateKey.Of(setup, [new SeededDatabaseInputs(seed, settings with { Scale = settings.Scale * scale }, schemaCode ?? [])]);
        }

        public void Dispose() => test.Dispose();
    }

    // Two databases on one server, each with its seed: entry and its own SQL migrations.
    private sealed class ServerKeyProject : IDisposable
    {
        private readonly TestRuntime test = new();

        public ServerKeyProject()
        {
            Folder = Path.Combine(test.StateDirectory, "project");
            Directory.CreateDirectory(Path.Combine(Folder, "catalog-migrations"));
            Directory.CreateDirectory(Path.Combine(Folder, "orders-migrations"));
            File.WriteAllText(Path.Combine(Folder, "catalog-migrations", "001_items.sql"), "CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);");
            File.WriteAllText(Path.Combine(Folder, "orders-migrations", "001_orders.sql"), "CREATE TABLE orders (id serial PRIMARY KEY, customer text NOT NULL);");
            WriteManifest();
        }

        public string Folder { get; }

        private string Manifest => Path.Combine(Folder, "preview.yaml");

        public void WriteManifest(string declared = "[catalog, orders]", int catalogSeed = 42, int ordersSeed = 7, string ordersMigrations = "orders-migrations") =>
            File.WriteAllText(Manifest, $$"""
                dependencies:
                  postgres:
                    type: postgres
                    databases: {{declared}}
                seed:
                  catalog:
                    seed: {{catalogSeed}}
                    migrations: { sql: catalog-migrations }
                  orders:
                    seed: {{ordersSeed}}
                    migrations: { sql: {{ordersMigrations}} }
                """);

        public string Key(IReadOnlyList<string> declaration) => KeyOf(declaration).Value();

        public IReadOnlyList<string> Inputs(IReadOnlyList<string> declaration) => KeyOf(declaration).Inputs;

        // The key as an app host declaring the databases in this order computes it, without starting anything.
        private Core.Templates.TemplateKey KeyOf(IReadOnlyList<string> declaration)
        {
            var builder = test.CreateBuilder();
            var server = builder.AddLocalPostgres("postgres");
            foreach (var database in declaration)
            {
                server.AddDatabase(database).WithSeedData(Manifest);
            }

            var setup = server.Resource.Setup;
            return SeedTemplateKey.Of(setup, setup.Seeds.Select(seed => new SeededDatabaseInputs(seed, seed.SettingsFor(test.Runtime, profile: null), [])));
        }

        public void Dispose() => test.Dispose();
    }
}
