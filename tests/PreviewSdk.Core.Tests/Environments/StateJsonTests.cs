using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class StateJsonTests
{
    private static readonly EnvironmentRecord Record = new()
    {
        Name = "feature-cart",
        App = "shop",
        Profile = "lightweight",
        EnvironmentId = "0f8fad5b-d9cb-469f-a165-70867728950e",
        HostProcessId = 4242,
        StartedAt = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(1)),
        Owner = "Ada Lovelace",
        Branch = "feature/cart",
        ProjectPath = "/repo/Shop.Preview/Shop.Preview.csproj",
        DashboardUrl = "http://127.0.0.1:18888",
    };

    [TestMethod]
    public void Write_ThenTryRead_RoundTrips()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("not", "yet", "there", StateFiles.Record);

        StateJson.Write(path, Record);

        Assert.AreEqual(Record, StateJson.TryRead<EnvironmentRecord>(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!), "no temporary file is left behind");
    }

    [TestMethod]
    public void Write_UsesCamelCaseIndentedJson()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("environment.json");

        StateJson.Write(path, Record);

        var text = File.ReadAllText(path);
        Assert.Contains("\n  \"hostProcessId\": 4242,", text);
        Assert.Contains("\"startedAt\": \"2026-11-26T10:00:00+01:00\"", text);
        Assert.DoesNotContain("\"HostProcessId\"", text);
    }

    [TestMethod]
    public void Write_ReplacesAnExistingFileWhole()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("environment.json");
        File.WriteAllText(path, new string('x', 10_000));

        StateJson.Write(path, Record with { HostProcessId = 7 });

        Assert.AreEqual(7, StateJson.TryRead<EnvironmentRecord>(path)!.HostProcessId);
        Assert.DoesNotContain("xxx", File.ReadAllText(path));
    }

    [TestMethod]
    [DataRow("not json at all")]
    [DataRow("{\"name\": \"cut off")]
    [DataRow("")]
    [DataRow("[1, 2, 3]")]
    public void TryRead_Garbage_IsNull(string content)
    {
        using var folder = new TempFolder();
        var path = folder.Write(content, "environment.json");

        Assert.IsNull(StateJson.TryRead<EnvironmentRecord>(path));
    }

    [TestMethod]
    public void TryRead_MissingFile_IsNull()
    {
        using var folder = new TempFolder();

        Assert.IsNull(StateJson.TryRead<EnvironmentRecord>(folder.PathOf("missing.json")));
    }
}
