using System.Diagnostics;
using System.Text;

namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// A handful of the sweep's hostile preview.yaml files through real MSBuild (the fuzzer runs thousands through
/// the same planner without it): each ends the build at once with one PREVIEW code and a small log, and starts nothing.
/// </summary>
[TestClass]
public sealed class HostileManifestBuildTests
{
    private const int MaxLogCharacters = 200_000;

    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void Build_PreviewYamlAsAFifoADeviceOrAFolder_IsPreview1060_WithoutHangingOrReadingIt()
    {
        foreach (var (name, make) in new (string, Action<string>)[]
        {
            ("Fifo.Preview", path => Run("mkfifo", path)),
            ("DevZero.Preview", path => File.CreateSymbolicLink(path, "/dev/zero")),
            ("Folder.Preview", path => Directory.CreateDirectory(path)),
        })
        {
            var project = ServiceProject(name, manifest: null);
            make(ManifestOf(project));

            var result = Workspace.Build(project, "-t:Preview");

            var error = result.AssertSingleError("PREVIEW1060");
            Assert.AreEqual(ManifestOf(project), error.File, result.Describe());
            Assert.DoesNotContain("MSB4181", result.Output);
            Workspace.AssertNothingStarted(project);
        }
    }

    [TestMethod]
    public void Build_Latin1PreviewYaml_IsPreview1062AtTheByte()
    {
        var project = ServiceProject("Latin1.Preview", manifest: null);
        File.WriteAllBytes(ManifestOf(project), Encoding.Latin1.GetBytes("app: demo\nservices:\n  shop-api:\n    env: { GREETING: café }\n"));

        var result = Workspace.Build(project);

        var error = result.AssertSingleError("PREVIEW1062");
        Assert.AreEqual((ManifestOf(project), 4, 25), (error.File, error.Line, error.Column), result.Describe());
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Build_FloodsOfKeysAndValues_GiveABoundedLog()
    {
        var keys = ServiceProject("Keys.Preview", "app: demo\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"key{i}: 1\n")));
        var value = ServiceProject("Value.Preview", manifest: null);
        File.WriteAllText(ManifestOf(value), $"app: {new string('a', 900_000)}\nservices:\n  shop-api:\n    replicas: {new string('9', 100_000)}\n");

        var flooded = Workspace.Build(keys);
        var cut = Workspace.Build(value);

        Assert.HasCount(51, flooded.Errors, flooded.Describe()[..Math.Min(2000, flooded.Output.Length)]);
        Assert.AreEqual("PREVIEW1064", flooded.Errors[^1].Code);
        Assert.IsLessThan(MaxLogCharacters, flooded.Output.Length);
        CollectionAssert.AreEqual(new[] { "PREVIEW1005", "PREVIEW1005" }, cut.Errors.Select(e => e.Code).ToArray(), cut.Describe()[..Math.Min(2000, cut.Output.Length)]);
        Assert.IsLessThan(MaxLogCharacters / 10, cut.Output.Length);
        Workspace.AssertNothingStarted(keys);
        Workspace.AssertNothingStarted(value);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{program} failed");
    }

    private static string ServiceProject(string name, string? manifest)
    {
        var from = Path.Combine(Workspace.Root, name, name + ".csproj");
        return Workspace.PreviewProject(name, $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
              </ItemGroup>
            """, manifest);
    }

    private static string ManifestOf(string project) => Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml");
}
