using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class EnvironmentNamesTests
{
    [TestMethod]
    [DataRow("feature/Cart_v2", "feature-cart-v2")]
    [DataRow("main", "main")]
    [DataRow("  Feature//Cart__V2  ", "feature-cart-v2")]
    [DataRow("release/1.2.3", "release-1-2-3")]
    [DataRow("-/weird-/", "weird")]
    [DataRow("123-hotfix", "env-123-hotfix")]
    [DataRow("9", "env-9")]
    [DataRow("_private", "private")]
    [DataRow("Ünïcode", "n-code")]
    [DataRow("", EnvironmentNames.Fallback)]
    [DataRow("   ", EnvironmentNames.Fallback)]
    [DataRow("/-_.", EnvironmentNames.Fallback)]
    public void Sanitize_MakesAValidName(string name, string expected)
    {
        Assert.AreEqual(expected, EnvironmentNames.Sanitize(name));
    }

    [TestMethod]
    public void Sanitize_LongName_IsCutTo40WithoutATrailingHyphen()
    {
        // The 40th character is the hyphen after 39 letters: cut there, it must not end the name.
        var name = new string('a', 39) + "-" + new string('b', 20);

        var sanitized = EnvironmentNames.Sanitize(name);

        Assert.AreEqual(new string('a', 39), sanitized);
        Assert.AreEqual(new string('x', 40), EnvironmentNames.Sanitize(new string('X', 90)));
    }

    [TestMethod]
    public void Sanitize_LongNameWithLeadingDigits_CountsThePrefix()
    {
        var sanitized = EnvironmentNames.Sanitize("1234567890" + new string('z', 50));

        Assert.AreEqual("env-1234567890" + new string('z', 26), sanitized);
        Assert.AreEqual(40, sanitized.Length);
    }

    [TestMethod]
    public void GitBranch_ReadsHeadFromAnEnclosingWorkTree()
    {
        using var folder = new TempFolder();
        folder.Write("ref: refs/heads/feature/Cart_v2\n", ".git", "HEAD");
        var nested = Directory.CreateDirectory(folder.PathOf("src", "Shop.Preview")).FullName;

        Assert.AreEqual("feature/Cart_v2", EnvironmentNames.GitBranch(nested));
        Assert.AreEqual("feature-cart-v2", EnvironmentNames.Resolve(null, nested));
    }

    [TestMethod]
    public void GitBranch_WorktreeGitFile_FollowsGitdir()
    {
        using var folder = new TempFolder();
        folder.Write("ref: refs/heads/topic/linked\n", "main-repo", ".git", "worktrees", "linked", "HEAD");
        folder.Write("gitdir: ../main-repo/.git/worktrees/linked\n", "linked", ".git");
        folder.Write("gitdir: " + folder.PathOf("main-repo", ".git", "worktrees", "linked") + "\n", "absolute", ".git");

        Assert.AreEqual("topic/linked", EnvironmentNames.GitBranch(folder.PathOf("linked")));
        Assert.AreEqual("topic/linked", EnvironmentNames.GitBranch(folder.PathOf("absolute")));
    }

    [TestMethod]
    public void GitBranch_DetachedHead_IsNull()
    {
        using var folder = new TempFolder();
        folder.Write("3f786850e387550fdab836ed7e6dc881de23001b\n", ".git", "HEAD");

        Assert.IsNull(EnvironmentNames.GitBranch(folder.Root));
        Assert.AreEqual(EnvironmentNames.Fallback, EnvironmentNames.Resolve(null, folder.Root));
    }

    [TestMethod]
    public void GitCommit_FollowsTheBranchRef_LooseOrPacked_AndInALinkedWorkTree()
    {
        using var folder = new TempFolder();
        const string loose = "3f786850e387550fdab836ed7e6dc881de23001b";
        const string packed = "89e6c98d92887913cadf06b2adb97f26cde4849b";
        folder.Write("ref: refs/heads/main\n", "repo", ".git", "HEAD");
        folder.Write(loose + "\n", "repo", ".git", "refs", "heads", "main");
        folder.Write($"# pack-refs with: peeled fully-peeled sorted\n{packed} refs/heads/topic\n", "repo", ".git", "packed-refs");
        folder.Write("ref: refs/heads/topic\n", "repo", ".git", "worktrees", "linked", "HEAD");
        folder.Write("../..\n", "repo", ".git", "worktrees", "linked", "commondir");
        folder.Write("gitdir: ../repo/.git/worktrees/linked\n", "linked", ".git");
        folder.Write(packed + "\n", "detached", ".git", "HEAD");

        Assert.AreEqual(loose, EnvironmentNames.GitCommit(folder.PathOf("repo")));
        Assert.AreEqual(packed, EnvironmentNames.GitCommit(folder.PathOf("linked")));
        Assert.AreEqual(packed, EnvironmentNames.GitCommit(folder.PathOf("detached")));
    }

    [TestMethod]
    public void GitCommit_BeforeTheFirstCommit_IsNull()
    {
        using var folder = new TempFolder();
        folder.Write("ref: refs/heads/main\n", ".git", "HEAD");

        Assert.IsNull(EnvironmentNames.GitCommit(folder.Root));
    }

    [TestMethod]
    public void GitBranch_GitFolderWithoutHead_IsNull()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.PathOf(".git"));

        Assert.IsNull(EnvironmentNames.GitBranch(folder.Root));
    }

    [TestMethod]
    public void Resolve_OutsideGit_FallsBackToLocal()
    {
        using var folder = new TempFolder();

        Assert.IsNull(EnvironmentNames.GitBranch(folder.Root), "the temp folder must not be inside a git work tree");
        Assert.AreEqual("local", EnvironmentNames.Resolve(null, folder.Root));
        Assert.AreEqual("local", EnvironmentNames.Resolve("  ", folder.Root));
    }

    [TestMethod]
    public void Resolve_ExplicitName_WinsOverTheBranchAndIsSanitised()
    {
        using var folder = new TempFolder();
        folder.Write("ref: refs/heads/main\n", ".git", "HEAD");

        Assert.AreEqual("pr-42", EnvironmentNames.Resolve("PR #42", folder.Root));
    }
}
