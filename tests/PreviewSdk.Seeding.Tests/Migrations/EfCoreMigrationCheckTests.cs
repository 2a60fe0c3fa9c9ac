using System.Diagnostics;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Tests;
using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Tests.Migrations;

/// <summary>
/// The migration check over the Shop sample's EF Core project with the real <c>dotnet ef</c>. The project is copied
/// (with the repository's global.json and tool manifest) so that this test's build never races another test's build
/// of the sample.
/// </summary>
[TestClass]
public sealed class EfCoreMigrationCheckTests
{
    private const string Products = """
        INSERT INTO customers (name, email, created_at) VALUES ('Ada', 'ada@example.com', now()), ('Grace', 'grace@example.com', now());
        INSERT INTO products (sku, name, description, price, stock, category)
        VALUES ('MUG-001', 'Mug', '350 ml', 12.50, 40, 'Kitchen'), ('TEA-010', 'Tea', 'Sencha', 8.90, 25, 'Pantry');
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task RunAsync_passes_the_Shop_samples_new_migration_from_InitialCreate()
    {
        using var folder = new MigrationFolder();
        var project = CopyShopData(folder.Root);
        var stopwatch = Stopwatch.StartNew();
        var options = new MigrationCheckOptions
        {
            Database = "shopdb",
            Base = MigrationBase.Named("InitialCreate"),
            ScratchRoot = folder.ScratchRoot,
            Log = TestContext.WriteLine,
        };

        var result = await MigrationCheck.RunAsync(
            new EfCoreMigrations(project, null, SourceLocation.WholeFile("preview.yaml")), options, TestSeedSteps.Sql(Products), TestContext.CancellationToken);

        TestContext.WriteLine($"The EF Core check took {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => d + "\n" + d.Details)));
        Assert.AreEqual("20261126221433_InitialCreate", result.BaseMigrations.Single().Id);
        Assert.IsTrue(result.CheckedMigrations.Any(m => m.Name == "AddProductImageUrl"), "The sample's new migration was not checked.");
        Assert.IsTrue(result.CheckedMigrations.All(m => m.FilePath is not null && File.Exists(m.FilePath)));
        CollectionAssert.Contains(result.Changes.Select(c => c.ToString()).ToList(), "added column products.image_url (character varying(500))");
        Assert.AreEqual(2L, result.Final!.Tables.Single(t => t.Name == "products").Rows);
        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task RunAsync_reports_PREVIEW4071_with_the_output_when_the_project_does_not_build()
    {
        using var folder = new MigrationFolder();
        var project = CopyShopData(folder.Root);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "Broken.cs"), "namespace Shop.Data; public sealed class Broken { int }");
        var options = new MigrationCheckOptions { Database = "shopdb", Base = MigrationBase.Named("InitialCreate"), ScratchRoot = folder.ScratchRoot };

        var result = await MigrationCheck.RunAsync(
            new EfCoreMigrations(project, null, SourceLocation.WholeFile("preview.yaml")), options, TestSeedSteps.Sql(Products), TestContext.CancellationToken);

        var error = result.Diagnostics.Single();
        Assert.AreEqual(DiagnosticCodes.DotnetEfFailed, error.Code);
        Assert.StartsWith("'dotnet build ", error.Message);
        Assert.Contains("Broken.cs", error.Details ?? string.Empty);
        Assert.IsFalse(Directory.Exists(folder.ScratchRoot), "A scratch server was started for a project that does not build.");
    }

    [TestMethod]
    public async Task IdsAtGitRefAsync_lists_the_migrations_whose_files_the_ref_has()
    {
        using var folder = new MigrationFolder();
        var project = CopyShopData(folder.Root);
        var migrations = Path.Combine(Path.GetDirectoryName(project)!, "Migrations");
        var added = Directory.GetFiles(migrations, "*_AddProductImageUrl*.cs");
        var aside = Path.Combine(folder.Root, "aside");
        Directory.CreateDirectory(aside);
        foreach (var file in added)
        {
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        }

        folder.GitIn(folder.Root, "init", "-q", "-b", "main");
        folder.GitIn(folder.Root, "add", ".");
        folder.GitIn(folder.Root, "commit", "-q", "-m", "InitialCreate only");
        foreach (var file in Directory.GetFiles(aside))
        {
            File.Move(file, Path.Combine(migrations, Path.GetFileName(file)));
        }

        var ids = await new EfCoreMigrations(project, null, SourceLocation.WholeFile("preview.yaml")).IdsAtGitRefAsync("main", TestContext.CancellationToken);

        Assert.Contains("20261126221433_InitialCreate", ids);
        Assert.IsFalse(ids.Any(id => id.EndsWith("_AddProductImageUrl", StringComparison.Ordinal)), string.Join(", ", ids));
    }

    private static string CopyShopData(string root)
    {
        var repository = RepositoryRoot.Find();
        File.Copy(Path.Combine(repository, "global.json"), Path.Combine(root, "global.json"));
        File.Copy(Path.Combine(repository, "dotnet-tools.json"), Path.Combine(root, "dotnet-tools.json"));
        File.Copy(Path.Combine(repository, "samples", "Directory.Build.props"), Path.Combine(root, "Directory.Build.props"));
        var source = Path.Combine(repository, "samples", "Shop", "Shop.Data");
        var target = Path.Combine(root, "Shop.Data");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }

        return Path.Combine(target, "Shop.Data.csproj");
    }
}
