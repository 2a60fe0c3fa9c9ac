using System.Diagnostics;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Tests.Environments;

/// <summary>
/// A state folder nobody may write, even root (<c>chattr +i</c>; <c>chmod</c> for a user without it), is the user's
/// PREVIEW2030 with the path and the fix, never PREVIEW9001 with a stack trace, and nothing starts.
/// </summary>
[TestClass]
public sealed class StateFolderAccessTests
{
    [TestMethod]
    public void EveryCommand_OnAnImmutableStateRoot_IsPreview2030_AndStartsNothing()
    {
        using var folder = new TempFolder();
        var root = folder.PathOf("state");
        Directory.CreateDirectory(root);
        using var immutable = Immutable.Make(root);
        var reporter = new RecordingReporter();
        var lifecycle = new PreviewLifecycle(reporter);
        var up = new UpRequest
        {
            Plan = new EnvironmentPlan("shop", [], []),
            Name = "main",
            Profile = "lightweight",
            StateRoot = root,
            AppHostPath = "/bin/true",
            ProjectPath = folder.PathOf("Shop.Preview.csproj"),
            Timeout = TimeSpan.FromSeconds(5),
            DotnetHost = "/bin/true",
        };

        Assert.IsFalse(lifecycle.Up(up));
        Assert.IsFalse(lifecycle.Down(root, up.ProjectPath, "main"));
        Assert.IsFalse(lifecycle.Extend(root, up.ProjectPath, "main", null, keep: true));
        Assert.IsEmpty(lifecycle.List(root));

        Assert.HasCount(4, reporter.Diagnostics, reporter.ToString());
        foreach (var diagnostic in reporter.Diagnostics)
        {
            Assert.AreEqual(DiagnosticCodes.StateFolderNotWritable, diagnostic.Code, reporter.ToString());
            StringAssert.Contains(diagnostic.Message, $"The state folder '{root}' cannot be written: ");
            StringAssert.Contains(diagnostic.Message, "-p:PreviewStateRoot=");
            Assert.DoesNotContain("   at ", diagnostic.ToString(), "a stack trace");
        }
    }

    [TestMethod]
    public void AWritableRoot_PassesTheCheck_AndLeavesNoProbeBehind_AndAMissingOneIsCreatedOnlyForAStart()
    {
        using var folder = new TempFolder();
        var root = folder.PathOf("state");

        Assert.IsNull(StateFolderAccess.Check(root, create: false, "locks"));
        Assert.IsFalse(Directory.Exists(root), "a command that only reads created the root");
        Assert.IsNull(StateFolderAccess.Check(root, create: true, "locks"));
        Assert.IsEmpty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
    }

    /// <summary>Makes a folder unwritable for this process, and writable again when disposed.</summary>
    private sealed class Immutable : IDisposable
    {
        private readonly string path;
        private readonly bool attribute;

        private Immutable(string path, bool attribute)
        {
            this.path = path;
            this.attribute = attribute;
        }

        public static Immutable Make(string path)
        {
            // root writes through permissions; only the immutable attribute stops it.
            var asRoot = Environment.UserName == "root";
            if (asRoot)
            {
                Run("chattr", "+i", path);
            }
            else
            {
                Run("chmod", "u-w", path);
            }

            return new Immutable(path, asRoot);
        }

        public void Dispose()
        {
            if (attribute)
            {
                Run("chattr", "-i", path);
            }
            else
            {
                Run("chmod", "u+w", path);
            }
        }

        private static void Run(string program, params string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, $"{program} {string.Join(' ', arguments)} failed");
        }
    }
}
