using System.Runtime.Versioning;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
[OSCondition(OperatingSystems.Linux)]
[SupportedOSPlatform("linux")]
public sealed class StateJsonPrivateTests
{
    [TestMethod]
    public void WritePrivate_CreatesAFileOnlyItsOwnerCanRead()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("databases.json");
        var report = new DatabasesReport { Databases = [new DatabaseConnection("shopdb", "postgres", "Host=127.0.0.1;Password=secret")] };

        StateJson.WritePrivate(path, report);

        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.AreEqual("Host=127.0.0.1;Password=secret", StateJson.TryRead<DatabasesReport>(path)!.Databases.Single().ConnectionString);
        Assert.HasCount(1, Directory.GetFiles(folder.Root));
    }
}
