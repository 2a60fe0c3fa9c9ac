using System.Diagnostics;
using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>
/// Present, pullable, neither: against the machine's real engine and the real local registry build/images.sh runs
/// (Debian's docker-registry on localhost:5000), the only registry reachable here.
/// </summary>
[TestClass]
public sealed class ImageAvailabilityTests
{
    private const string LocalRegistry = "localhost:5000";

    [TestMethod]
    public async Task EnsureAsync_ImageInTheEngine_IsPresentWithoutPull()
    {
        var engine = TestEngine.Require();
        RuntimeResolverTests.RequireImage(engine, "localhost/library/redis:7");
        ImageReference.TryParse("localhost/library/redis:7", out var image);

        Assert.IsNull(await ImageAvailability.EnsureAsync(engine, image, pull: false));
    }

    [TestMethod]
    public async Task EnsureAsync_ImageOnlyInARegistry_IsPulledIntoTheEngine()
    {
        var engine = TestEngine.Require();
        RuntimeResolverTests.RequireImage(engine, "localhost/library/redis:7");
        // A repository of this test's own, so parallel runs never pull each other's image away.
        var name = $"{LocalRegistry}/previewsdk-test/pull-{Guid.NewGuid().ToString("N")[..8]}:7";
        if (Podman("push", "--quiet", "--tls-verify=false", "localhost/library/redis:7", $"docker://{name}") is { ExitCode: not 0 } push)
        {
            Assert.Inconclusive($"No local registry on {LocalRegistry} to push to (build/images.sh starts one): {push.Output}");
        }

        ImageReference.TryParse(name, out var image);
        try
        {
            Assert.AreEqual("not present in the engine", await ImageAvailability.EnsureAsync(engine, image, pull: false), "pushed, not in the engine");

            var pulled = await ImageAvailability.EnsureAsync(engine, image, pull: true);

            Assert.IsNull(pulled, $"{name} could not be pulled: {pulled} (the engine reads build/engine.sh's registries.conf.d entry for {LocalRegistry} when it starts)");
            Assert.IsNull(await ImageAvailability.EnsureAsync(engine, image, pull: false));
        }
        finally
        {
            Podman("rmi", "--force", name);
        }
    }

    [TestMethod]
    public async Task EnsureAsync_ImageInNoRegistry_SaysWhyItCannotBePulled()
    {
        var engine = TestEngine.Require();
        ImageReference.TryParse($"{LocalRegistry}/previewsdk-test/never-pushed:1", out var image);

        var problem = await ImageAvailability.EnsureAsync(engine, image, pull: true);

        Assert.IsNotNull(problem);
        Assert.IsFalse(string.IsNullOrWhiteSpace(problem));
    }

    private static (int ExitCode, string Output) Podman(params string[] arguments)
    {
        if (!File.Exists("/usr/bin/podman"))
        {
            Assert.Inconclusive("Needs the podman command to push an image into the local registry.");
        }

        using var process = Process.Start(new ProcessStartInfo("/usr/bin/podman", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
