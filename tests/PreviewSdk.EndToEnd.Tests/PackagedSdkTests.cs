using System.IO.Compression;
using System.Net;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// The SDK as users get it: packed into a feed, then used by a project outside the repository through
/// <c>&lt;Project Sdk="PreviewSdk"&gt;</c>, its version in global.json. It runs under GitHub Actions' variables
/// (with the API stand-in): from the package the tasks run in the build's own process, so this proves that the
/// tasks folder carries Octokit and that it loads there.
/// </summary>
[TestClass]
public sealed class PackagedSdkTests(TestContext testContext)
{
    private static readonly string[] PackageIds = ["PreviewSdk", "PreviewSdk.Hosting", "PreviewSdk.Gateway", "PreviewSdk.Seeding", "PreviewSdk.Core", "PreviewSdk.Cli"];

    [TestMethod]
    public async Task Preview_ProjectUsingThePackedSdk_ServesItsLinksAndPreviewDownRemovesEverything()
    {
        // A version of its own, so the NuGet cache can never hand out a copy packed by an earlier run.
        var version = $"0.1.0-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";
        using var feed = new TempFolder("previewsdk-e2e-feed-");
        try
        {
            var pack = DotnetCli.Run(Repository.Root, ["pack", Repository.SdkDirectory, "-o", feed.Root, $"-p:PreviewSdkVersion={version}", "-tl:off"], TimeSpan.FromMinutes(10));
            testContext.WriteLine(pack.Summary);
            Assert.AreEqual(0, pack.ExitCode, pack.ToString());
            foreach (var id in PackageIds)
            {
                Assert.IsTrue(File.Exists(Path.Combine(feed.Root, $"{id}.{version}.nupkg")), $"{id} {version} was not packed. {pack}");
            }

            using (var sdkPackage = ZipFile.OpenRead(Path.Combine(feed.Root, $"PreviewSdk.{version}.nupkg")))
            {
                var entries = sdkPackage.Entries.Select(entry => entry.FullName).ToList();
                foreach (var assembly in new[] { "PreviewSdk.Tasks.dll", "PreviewSdk.Publishing.dll", "Octokit.dll" })
                {
                    CollectionAssert.Contains(entries, $"tasks/net10.0/{assembly}", string.Join('\n', entries));
                }
            }

            InstallAndRunTheTool(feed.Root, version);
            await UsePackedSdkAsync(feed.Root, version);
        }
        finally
        {
            RemoveFromPackageCache(version);
        }
    }

    // The tool installs from the same feed and runs as `previewsdk`; a path that does not exist is its coded error.
    private void InstallAndRunTheTool(string feed, string version)
    {
        using var tools = new TempFolder("previewsdk-e2e-tool-");
        var install = DotnetCli.Run(tools.Root, ["tool", "install", "PreviewSdk.Cli", "--tool-path", tools.Root, "--add-source", feed, "--version", version], TimeSpan.FromMinutes(5));
        testContext.WriteLine(install.Summary);
        Assert.AreEqual(0, install.ExitCode, install.ToString());

        var missing = Path.Combine(tools.Root, "no-such-app");
        using var run = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Path.Combine(tools.Root, "previewsdk"), ["init", missing])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = run.StandardError.ReadToEnd();
        run.WaitForExit();
        Assert.AreEqual(1, run.ExitCode, errors);
        Assert.StartsWith($"{missing}: error PREVIEW1100: '{missing}' does not exist.", errors);
    }

    private async Task UsePackedSdkAsync(string feed, string version)
    {
        using var workspace = new TempFolder("previewsdk-e2e-consumer-");
        ProbeProjects.WriteProbe(workspace);
        workspace.Write("global.json", $$"""
            {
              "msbuild-sdks": {
                "PreviewSdk": "{{version}}"
              }
            }
            """);
        workspace.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="previewsdk-e2e" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var project = ProbeProjects.WritePreviewFromPackage(workspace, "Probe.Preview", """
            app: packaged
            services:
              probe: {}
            """);
        using var preview = new PreviewUnderTest(project, "packaged", "pkg", testContext);
        await using var actions = await GitHubActionsRun.StartAsync();

        var up = preview.Preview(environment: actions.Variables);

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        Assert.DoesNotContain(Path.Combine(Repository.Root, "src"), up.Output, $"The build used the SDK's sources, not the package. {up}");
        var assets = File.ReadAllText(Path.Combine(workspace.Root, "Probe.Preview", "obj", "project.assets.json"));
        Assert.Contains($"\"PreviewSdk.Hosting/{version}\"", assets, "The preview project does not reference the packed PreviewSdk.Hosting.");
        var record = preview.ReadEnvironment();
        var links = preview.ReadLinks();
        // Under GitHub Actions (the comment's stand-in needs its variables) the log shows no token.
        EnvironmentAssert.PrintedLinksTable(up, links, $"Preview '{preview.Name}' (lightweight) is up in ", logIsShared: true);

        var addresses = EnvironmentAssert.AllAddresses(preview, links);
        using var browser = new Browser();
        var directory = await browser.GetAsync(links.SharedLink, testContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, directory.Status, directory.ToString());
        Assert.AreEqual(links.Directory, directory.FinalAddress.ToString(), "The shared link signs in and drops the token.");
        var dashboard = await browser.GetAsync(links.Dashboard, testContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, dashboard.Status, dashboard.ToString());
        Assert.Contains("<meta name=\"aspire-version\"", dashboard.Text, dashboard.ToString());
        var probe = links.Services.Single(service => service.Name == ProbeProjects.ServiceName);
        var page = await browser.GetAsync(probe.Url, testContext.CancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.AreEqual(ProbeProjects.Greeting, page.Text);

        Assert.Contains($"Commented the links of preview '{preview.Name}' on octo-org/shop#42", up.Output, up.ToString());
        Assert.Contains($"| probe | <{probe.Url}> |", actions.GitHub.Comments.Single().Body);

        var down = preview.Down(actions.Variables);

        Assert.AreEqual(0, down.ExitCode, down.ToString());
        Assert.Contains($"### Preview `{preview.Name}` is down", actions.GitHub.Comments.Single().Body);
        EnvironmentAssert.LeftNothingBehind(preview, [record.EnvironmentId], down);
        EnvironmentAssert.NothingListensAt(addresses);
    }

    // Test versions would pile up in the machine's NuGet cache, one set per run.
    private void RemoveFromPackageCache(string version)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in PackageIds)
        {
            var folder = Path.Combine(cache, id.ToLowerInvariant(), version);
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                testContext.WriteLine($"Could not remove {folder}: {e.Message}");
            }
        }
    }
}
