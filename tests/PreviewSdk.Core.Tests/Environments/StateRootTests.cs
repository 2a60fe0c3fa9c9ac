using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>
/// The precedence of the state root. These tests change process environment variables, so they run alone
/// (<see cref="DoNotParallelizeAttribute"/>) and restore every variable they touched.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class StateRootTests
{
    private static readonly string[] Variables = [StateRoot.Variable, "XDG_STATE_HOME", "HOME"];

    private readonly Dictionary<string, string?> saved = [];

    [TestInitialize]
    public void SaveVariables()
    {
        foreach (var name in Variables)
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
        }
    }

    [TestCleanup]
    public void RestoreVariables()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [TestMethod]
    public void Resolve_ExplicitRoot_WinsOverEveryVariable()
    {
        Set(preview: "/tmp/from-variable", xdg: "/tmp/xdg", home: "/tmp/home");

        Assert.AreEqual("/tmp/explicit", StateRoot.Resolve("/tmp/explicit"));
    }

    [TestMethod]
    public void Resolve_RelativeExplicitRoot_IsMadeAbsolute()
    {
        Set(preview: null, xdg: null, home: "/tmp/home");

        Assert.AreEqual(Path.GetFullPath("relative/state"), StateRoot.Resolve("relative/state"));
    }

    [TestMethod]
    public void Resolve_NoExplicitRoot_UsesPreviewStateRoot()
    {
        Set(preview: "/tmp/from-variable", xdg: "/tmp/xdg", home: "/tmp/home");

        Assert.AreEqual("/tmp/from-variable", StateRoot.Resolve(null));
        Assert.AreEqual("/tmp/from-variable", StateRoot.Resolve("   "));
    }

    [TestMethod]
    public void Resolve_NoPreviewStateRoot_UsesXdgStateHome()
    {
        Set(preview: null, xdg: "/tmp/xdg", home: "/tmp/home");

        Assert.AreEqual("/tmp/xdg/previewsdk", StateRoot.Resolve(null));
    }

    [TestMethod]
    public void Resolve_NothingSet_UsesTheHomeFolder()
    {
        using var home = new TempFolder();
        Set(preview: null, xdg: null, home: home.Root);

        Assert.AreEqual(Path.Combine(home.Root, ".local", "state", "previewsdk"), StateRoot.Resolve(null));
    }

    [TestMethod]
    public void Resolve_HomeFolderNotCreatedYet_IsStillAbsolute()
    {
        // CI users and service accounts often have a HOME that does not exist (/nonexistent); the root must not
        // turn into a path relative to wherever the build runs.
        Set(preview: null, xdg: null, home: "/nonexistent/home");

        Assert.AreEqual("/nonexistent/home/.local/state/previewsdk", StateRoot.Resolve(null));
    }

    private static void Set(string? preview, string? xdg, string? home)
    {
        Environment.SetEnvironmentVariable(StateRoot.Variable, preview);
        Environment.SetEnvironmentVariable("XDG_STATE_HOME", xdg);
        Environment.SetEnvironmentVariable("HOME", home);
    }
}
