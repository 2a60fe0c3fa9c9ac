using System.Runtime.Versioning;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Core.Tests.Sharing;

[TestClass]
[SupportedOSPlatform("linux")]
public sealed class AccessTokenFileTests
{
    [TestMethod]
    public void Issue_Writes256RandomBitsUrlSafe_ReadableByTheOwnerOnly()
    {
        using var folder = new TempFolder();

        var token = AccessTokenFile.Issue(folder.Root);

        Assert.MatchesRegex("^[A-Za-z0-9_-]{43}$", token, "32 bytes in unpadded URL-safe base64");
        Assert.AreEqual(token, AccessTokenFile.Read(folder.Root));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AccessTokenFile.PathIn(folder.Root)));
        Assert.IsEmpty(Directory.GetFiles(folder.Root, "*.tmp"));
    }

    [TestMethod]
    public void Issue_Again_ReplacesTheToken_WithANewOne()
    {
        using var folder = new TempFolder();
        var tokens = Enumerable.Range(0, 50).Select(_ => AccessTokenFile.Issue(folder.Root)).ToList();

        CollectionAssert.AllItemsAreUnique(tokens);
        Assert.AreEqual(tokens[^1], AccessTokenFile.Read(folder.Root));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AccessTokenFile.PathIn(folder.Root)));
    }

    [TestMethod]
    public void Read_WithoutAFile_IsNull_AndReadOrIssueIssuesOne()
    {
        using var folder = new TempFolder();

        Assert.IsNull(AccessTokenFile.Read(folder.Root));
        var token = AccessTokenFile.ReadOrIssue(folder.Root);
        Assert.AreEqual(token, AccessTokenFile.ReadOrIssue(folder.Root));
        AccessTokenFile.Delete(folder.Root);
        Assert.IsNull(AccessTokenFile.Read(folder.Root));
    }
}
