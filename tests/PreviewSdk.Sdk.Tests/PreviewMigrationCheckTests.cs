namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// <c>-t:PreviewMigrationCheck</c> wired through the SDK: the target finds the plan and preview.yaml, the task
/// picks the database and base, and its problems come out coded at the right place. (The check itself, with a
/// scratch server and real migrations, is tested in PreviewSdk.Seeding.Tests.)
/// </summary>
[TestClass]
public sealed class PreviewMigrationCheckTests
{
    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void PreviewMigrationCheck_WithoutMigrationsInSeed_ReportsPreview4072()
    {
        var project = ServiceProject("NoMigrations.Preview", """
            app: demo
            dependencies:
              postgres:
                type: postgres
                databases: [shopdb]
            seed:
              shopdb:
                rows: 10
            """);

        var result = Workspace.Build(project, "-t:PreviewMigrationCheck");

        var error = result.AssertSingleError("PREVIEW4072");
        Assert.StartsWith("No database in seed: has migrations the check can apply. Seeded databases without them: shopdb.", error.Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void PreviewMigrationCheck_UnknownBase_ReportsPreview4066AtTheSqlFolder()
    {
        var project = ServiceProject("UnknownBase.Preview", """
            app: demo
            dependencies:
              postgres:
                type: postgres
                databases: [shopdb]
            seed:
              shopdb:
                migrations: { sql: db }
            """);
        var folder = Path.Combine(Path.GetDirectoryName(project)!, "db");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "001_init.sql"), "CREATE TABLE customers (id int PRIMARY KEY);");
        File.WriteAllText(Path.Combine(folder, "002_email.sql"), "ALTER TABLE customers ADD COLUMN email text;");

        var result = Workspace.Build(project, "-t:PreviewMigrationCheck", "-p:PreviewMigrationBase=001_inti");

        var error = result.AssertSingleError("PREVIEW4066");
        Assert.AreEqual((Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml"), 8, 24), (error.File, error.Line, error.Column), result.Describe());
        Assert.Contains("The migration base '001_inti' names no migration of the SQL folder", error.Message);
        Assert.Contains("Did you mean '001_init'? Migrations: 001_init, 002_email.", error.Message);
        Workspace.AssertNothingStarted(project);
    }

    private static string ServiceProject(string name, string manifest)
    {
        var from = Path.Combine(Workspace.Root, name, name + ".csproj");
        return Workspace.PreviewProject(name, $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
              </ItemGroup>
            """, manifest);
    }
}
