using PreviewSdk.Core.Environments;
using PreviewSdk.Core.PostMortems;

namespace PreviewSdk.Core.Tests.PostMortems;

[TestClass]
public sealed class PostMortemArchiveTests
{
    [TestMethod]
    public void Keep_CopiesLogsAndReports_ButNeitherDataNorPasswords()
    {
        using var root = new TempFolder();
        var state = root.PathOf("shop", "main");
        root.Write("{}", "shop", "main", StateFiles.Record);
        root.Write("{}", "shop", "main", StateFiles.Resources);
        root.Write("host output", "shop", "main", StateFiles.HostLog);
        root.Write("api log", "shop", "main", StateFiles.LogsFolder, "api.log");
        root.Write("secret", "shop", "main", StateFiles.Databases);
        root.Write("pg", "shop", "main", StateFiles.DataFolder, "postgres", "PG_VERSION");
        var target = PostMortemArchive.PathFor(root.Root, "shop", "main", new DateTimeOffset(2026, 12, 6, 14, 6, 10, TimeSpan.Zero));

        PostMortemArchive.Keep(state, target);

        Assert.AreEqual(root.PathOf("failed", "shop", "main", "20261206T140610Z"), target);
        CollectionAssert.AreEquivalent(
            new[] { StateFiles.Record, StateFiles.Resources, StateFiles.HostLog, Path.Combine(StateFiles.LogsFolder, "api.log") },
            Directory.GetFiles(target, "*", SearchOption.AllDirectories).Select(file => Path.GetRelativePath(target, file)).ToArray());
        Assert.AreEqual("api log", File.ReadAllText(Path.Combine(target, StateFiles.LogsFolder, "api.log")));
    }

    [TestMethod]
    public void Prune_DeletesThoseOlderThanTheRetentionAndThoseSelected_AndTheFoldersLeftEmpty()
    {
        using var root = new TempFolder();
        var now = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        var old = Kept(root, "shop", "main", now - TimeSpan.FromDays(8), "/repo/Shop.Preview.csproj");
        var recent = Kept(root, "shop", "feature", now - TimeSpan.FromDays(1), "/repo/Shop.Preview.csproj");
        var other = Kept(root, "blog", "main", now - TimeSpan.FromDays(1), "/blog/Blog.Preview.csproj");

        var weekly = PostMortemArchive.Prune(root.Root, now, PostMortemArchive.RetentionPeriod);

        CollectionAssert.AreEqual(new[] { old }, weekly.Deleted.ToArray());
        Assert.IsFalse(Directory.Exists(root.PathOf("failed", "shop", "main")), "The emptied environment folder stayed.");

        var byProject = PostMortemArchive.Prune(root.Root, now, PostMortemArchive.RetentionPeriod, folder => PostMortemArchive.IsOf(folder, "/repo/Shop.Preview.csproj"));

        CollectionAssert.AreEqual(new[] { recent }, byProject.Deleted.ToArray());
        Assert.IsTrue(Directory.Exists(other));
        Assert.IsFalse(Directory.Exists(root.PathOf("failed", "shop")));
    }

    private static string Kept(TempFolder root, string app, string name, DateTimeOffset failedAt, string project)
    {
        var folder = PostMortemArchive.PathFor(root.Root, app, name, failedAt);
        Directory.CreateDirectory(folder);
        StateJson.Write(Path.Combine(folder, StateFiles.Record), new EnvironmentRecord
        {
            Name = name,
            App = app,
            Profile = "lightweight",
            EnvironmentId = Guid.NewGuid().ToString("N"),
            HostProcessId = 0,
            StartedAt = failedAt,
            DashboardUrl = "http://127.0.0.1:1",
            ProjectPath = project,
        });
        return folder;
    }
}
