using System.Text.Json;
using PreviewSdk.Core.Generation;

namespace PreviewSdk.Core.Tests.Generation;

/// <summary>Properties/launchSettings.json: one launch profile per preview profile, written when absent, left alone once edited.</summary>
[TestClass]
public sealed class LaunchSettingsFileTests
{
    [TestMethod]
    public void Generate_OneLaunchProfilePerPreviewProfile_ThatSetsPreviewProfile()
    {
        using var document = JsonDocument.Parse(LaunchSettingsFile.Generate(["lightweight", "heavyweight", "qa"]));

        var root = document.RootElement;
        Assert.AreEqual(64, root.GetProperty(LaunchSettingsFile.HashProperty).GetString()!.Length);
        var profiles = root.GetProperty("profiles").EnumerateObject().ToList();
        CollectionAssert.AreEqual(new[] { "lightweight", "heavyweight", "qa" }, profiles.Select(p => p.Name).ToArray(), "the first is what dotnet run starts by default");
        foreach (var profile in profiles)
        {
            Assert.AreEqual("Project", profile.Value.GetProperty("commandName").GetString());
            Assert.IsTrue(profile.Value.GetProperty("launchBrowser").GetBoolean(), "F5 opens the dashboard");
            Assert.AreEqual(profile.Name, profile.Value.GetProperty("environmentVariables").GetProperty("PREVIEW_PROFILE").GetString());
            Assert.IsFalse(profile.Value.TryGetProperty("applicationUrl", out _), "no fixed port: F5 runs of several branches run side by side");
        }
    }

    [TestMethod]
    public void Write_CreatesThenUpdatesAnUntouchedFile_AndLeavesAnEditedOneAlone()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("Properties", "launchSettings.json");

        Assert.AreEqual(LaunchSettingsFile.Outcome.Created, LaunchSettingsFile.Write(path, ["lightweight", "heavyweight"]));
        Assert.AreEqual(LaunchSettingsFile.Outcome.UpToDate, LaunchSettingsFile.Write(path, ["lightweight", "heavyweight"]));
        Assert.AreEqual(LaunchSettingsFile.Outcome.Updated, LaunchSettingsFile.Write(path, ["lightweight", "heavyweight", "qa"]), "a profile added to preview.yaml");
        StringAssert.Contains(File.ReadAllText(path), "\"qa\": {");

        // Checked out on Windows: other line endings are no edit.
        File.WriteAllText(path, File.ReadAllText(path).ReplaceLineEndings("\r\n"));
        Assert.AreEqual(LaunchSettingsFile.Outcome.UpToDate, LaunchSettingsFile.Write(path, ["lightweight", "heavyweight", "qa"]));

        var edited = File.ReadAllText(path).Replace("\"DOTNET_ENVIRONMENT\": \"Development\"", "\"DOTNET_ENVIRONMENT\": \"Development\",\r\n        \"Shop__Debug\": \"true\"", StringComparison.Ordinal);
        File.WriteAllText(path, edited);
        Assert.AreEqual(LaunchSettingsFile.Outcome.LeftAlone, LaunchSettingsFile.Write(path, ["lightweight", "heavyweight"]));
        Assert.AreEqual(edited, File.ReadAllText(path));
    }

    [TestMethod]
    public void IsUntouched_OnlyForTheGeneratedTextWithItsOwnHash()
    {
        var generated = LaunchSettingsFile.Generate(["lightweight"]);

        Assert.IsTrue(LaunchSettingsFile.IsUntouched(generated));
        Assert.IsFalse(LaunchSettingsFile.IsUntouched(generated.Replace("\"launchBrowser\": true", "\"launchBrowser\": false", StringComparison.Ordinal)));
        Assert.IsFalse(LaunchSettingsFile.IsUntouched(generated.Replace("  \"previewsdk:generated\"", "  \"previewsdk:generated-off\"", StringComparison.Ordinal)));
        Assert.IsFalse(LaunchSettingsFile.IsUntouched("{\n  \"profiles\": {}\n}\n"), "a file of the team's own");
    }
}
