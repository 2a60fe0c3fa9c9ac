using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

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

        public void WriteManifest(int seed, int items, string prefix = "") => File.WriteAllText(Manifest, $$"""
            {{prefix}}dependencies:
              postgres:
                type: postgres
                databases: [appdb]
            seed:
              appdb:
                seed: {{seed}}
                migrations: { sql: migrations }
                tables:
                  items: {{items}}
            """);

        // The key as an app host of this project computes it, without starting anything.
        public string Key(double scale = 1)
        {
            var builder = test.CreateBuilder();
            var server = builder.AddLocalPostgres("postgres");
            server.AddDatabase("appdb").WithSeedData(Manifest);
            var setup = server.Resource.Setup;
            var seed = setup.TemplateSeed!;
            var settings = seed.SettingsFor(test.Runtime, profile: null);
            return SeedTemplateKey.Of(setup, seed, settings with { Scale = settings.Scale * scale }).Value();
        }

        public void Dispose() => test.Dispose();
    }
}
