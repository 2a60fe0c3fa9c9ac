using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class EnvironmentRegistryTests
{
    [TestMethod]
    public void List_ReturnsEveryRecordedEnvironment_OrderedByAppThenName()
    {
        using var folder = new TempFolder();
        var registry = new EnvironmentRegistry(folder.PathOf("state"));
        Record(registry, "shop", "main");
        Record(registry, "shop", "feature-b");
        Record(registry, "blog", "zeta");
        Record(registry, "shop", "Main-upper");
        Directory.CreateDirectory(registry.FolderOf("shop", "no-record"));
        folder.Write("{ torn", "state", "shop", "torn", StateFiles.Record);
        folder.Write("lock", "state", "registry.lock");

        var entries = registry.List();

        CollectionAssert.AreEqual(
            new[] { "blog/zeta", "shop/Main-upper", "shop/feature-b", "shop/main" },
            entries.Select(entry => $"{entry.Record.App}/{entry.Record.Name}").ToArray());
        Assert.AreEqual(registry.FolderOf("blog", "zeta"), entries[0].Folder);
    }

    [TestMethod]
    public void List_MissingRoot_IsEmpty()
    {
        using var folder = new TempFolder();

        Assert.IsEmpty(new EnvironmentRegistry(folder.PathOf("never-created")).List());
    }

    [TestMethod]
    public void FolderOf_IsRootAppName_AndTheRootIsAbsolute()
    {
        var registry = new EnvironmentRegistry("relative/state");

        Assert.AreEqual(Path.GetFullPath("relative/state"), registry.Root);
        Assert.AreEqual(Path.Combine(Path.GetFullPath("relative/state"), "shop", "main"), registry.FolderOf("shop", "main"));
    }

    [TestMethod]
    public void Read_ExposesTheReportsOfTheStateFolder()
    {
        using var folder = new TempFolder();
        var registry = new EnvironmentRegistry(folder.Root);
        Record(registry, "shop", "main");
        StateJson.Write(Path.Combine(registry.FolderOf("shop", "main"), StateFiles.Failed), new FailureReport { Resource = "postgres", State = "Exited", Reason = "initdb failed" });

        var entry = EnvironmentRegistry.Read(registry.FolderOf("shop", "main"));

        Assert.IsNotNull(entry);
        Assert.AreEqual("initdb failed", entry.Failure?.Reason);
        Assert.IsNull(entry.Ready);
        Assert.IsNull(entry.Links);
        Assert.IsFalse(entry.IsAlive, "the recorded host pid does not carry the id");
        Assert.IsNull(EnvironmentRegistry.Read(folder.PathOf("nothing-here")));
    }

    private static void Record(EnvironmentRegistry registry, string app, string name) =>
        StateJson.Write(Path.Combine(registry.FolderOf(app, name), StateFiles.Record), new EnvironmentRecord
        {
            Name = name,
            App = app,
            Profile = "lightweight",
            EnvironmentId = Guid.NewGuid().ToString(),
            HostProcessId = Environment.ProcessId,
            StartedAt = DateTimeOffset.UnixEpoch,
            DashboardUrl = "http://127.0.0.1:18888",
        });
}
