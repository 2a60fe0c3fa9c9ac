using PreviewSdk.Core.LaunchSettings;

namespace PreviewSdk.Core.Tests.LaunchSettings;

[TestClass]
public sealed class LaunchSettingsReaderTests
{
    private const string TemplateLaunchSettings = """
        {
          "$schema": "https://json.schemastore.org/launchsettings.json",
          "profiles": {
            "IIS Express": { "commandName": "IISExpress", "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Iis" } },
            "http": {
              "commandName": "Project",
              "launchBrowser": true,
              "applicationUrl": "http://localhost:5240",
              "environmentVariables": {
                "ASPNETCORE_ENVIRONMENT": "Development",
                "ASPNETCORE_URLS": "http://localhost:5240",
                "HTTP_PORTS": "5240",
                "Catalog__PageSize": "20"
              }
            },
            "staging": { "commandName": "Project", "environmentVariables": { "DOTNET_ENVIRONMENT": "Staging" } },
          }
        }
        """;

    [TestMethod]
    public void Choose_ByDefault_TakesTheFirstProjectProfileWithoutItsAddresses()
    {
        using var folder = new TempFolder();
        var project = ProjectWith(folder, TemplateLaunchSettings);

        var profile = LaunchSettingsReader.Choose(project)!;

        Assert.AreEqual("http", profile.Name);
        Assert.AreEqual("http://localhost:5240", profile.ApplicationUrl);
        CollectionAssert.AreEqual(
            new[] { "ASPNETCORE_ENVIRONMENT=Development", "Catalog__PageSize=20", "DOTNET_ENVIRONMENT=Development" },
            profile.PreviewVariables().Select(pair => $"{pair.Key}={pair.Value}").ToArray());
    }

    [TestMethod]
    public void Choose_NamedProfile_GivesItsEnvironmentToBothVariables()
    {
        using var folder = new TempFolder();
        var project = ProjectWith(folder, TemplateLaunchSettings);

        var profile = LaunchSettingsReader.Choose(project, "staging")!;

        Assert.AreEqual("Staging", profile.EnvironmentName);
        CollectionAssert.AreEquivalent(
            new[] { "DOTNET_ENVIRONMENT=Staging", "ASPNETCORE_ENVIRONMENT=Staging" },
            profile.PreviewVariables().Select(pair => $"{pair.Key}={pair.Value}").ToArray());
        Assert.IsNull(LaunchSettingsReader.Choose(project, "nope"));
    }

    [TestMethod]
    public void Choose_ProjectWithoutLaunchSettingsOrWithABrokenFile_RunsAsDevelopment()
    {
        using var folder = new TempFolder();
        var bare = folder.Write("<Project />", "Bare", "Bare.csproj");
        var broken = ProjectWith(folder, "{ \"profiles\": { ", "Broken");

        foreach (var project in new[] { bare, broken })
        {
            var profile = LaunchSettingsReader.Choose(project)!;
            Assert.AreEqual("Development", profile.EnvironmentName);
            CollectionAssert.AreEqual(
                new[] { "ASPNETCORE_ENVIRONMENT=Development", "DOTNET_ENVIRONMENT=Development" },
                profile.PreviewVariables().Select(pair => $"{pair.Key}={pair.Value}").ToArray());
        }
    }

    private static string ProjectWith(TempFolder folder, string launchSettings, string name = "Catalog")
    {
        folder.Write(launchSettings, name, "Properties", "launchSettings.json");
        return folder.Write("<Project Sdk=\"Microsoft.NET.Sdk.Web\" />", name, name + ".csproj");
    }
}
