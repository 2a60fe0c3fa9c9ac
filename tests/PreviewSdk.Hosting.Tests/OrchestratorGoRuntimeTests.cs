using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// DCP's Go runtime settings stay DCP's: every executable and project it starts gets them back empty (Go's
/// defaults), except where the resource sets its own; containers, which do not inherit DCP's environment, get nothing.
/// </summary>
[TestClass]
public sealed class OrchestratorGoRuntimeTests
{
    [TestMethod]
    public async Task KeepFromResources_EmptiesTheSettingsForExecutablesAndProjects_UnlessTheResourceSetsThem()
    {
        var builder = BareBuilder();
        var plain = builder.AddExecutable("plain-tool", "/bin/true", ".");
        var own = builder.AddExecutable("own-tool", "/bin/true", ".").WithEnvironment("GOGC", "200");
        var project = builder.AddProject("api", "../Api/Api.csproj", launchProfileName: null);
        var container = builder.AddContainer("cache", "redis");

        WithoutGoSettings(() => OrchestratorGoRuntime.KeepFromResources(builder));
        await using var app = await BuildUpToStartAsync(builder);

        var plainVariables = await EnvironmentOfAsync(plain.Resource);
        Assert.AreEqual(string.Empty, plainVariables["GOGC"]);
        Assert.AreEqual(string.Empty, plainVariables["GOMAXPROCS"]);
        var ownVariables = await EnvironmentOfAsync(own.Resource);
        Assert.AreEqual("200", ownVariables["GOGC"], "The resource's own value stays.");
        Assert.AreEqual(string.Empty, ownVariables["GOMAXPROCS"]);
        Assert.AreEqual(string.Empty, (await EnvironmentOfAsync(project.Resource))["GOGC"]);
        Assert.IsFalse((await EnvironmentOfAsync(container.Resource)).ContainsKey("GOGC"), "A container does not inherit DCP's environment.");
    }

    [TestMethod]
    public async Task KeepFromResources_LeavesResourcesAlone_WhenTheAppHostItselfHasTheSettings()
    {
        var builder = BareBuilder();
        var plain = builder.AddExecutable("plain-tool", "/bin/true", ".");

        WithGoSettings(() => OrchestratorGoRuntime.KeepFromResources(builder));
        await using var app = await BuildUpToStartAsync(builder);

        // The app host's own values are what DCP and everything it starts inherit, as they would without PreviewSdk.
        Assert.IsFalse((await EnvironmentOfAsync(plain.Resource)).ContainsKey("GOGC"));
    }

    [TestMethod]
    public async Task OrchestratorLaunch_GivesTheResourcesTheSettingsBack_OnlyWhenItInstallsTheScript()
    {
        using var folder = new TempFolder();
        var launched = BareBuilder();
        var launchedTool = launched.AddExecutable("tool", "/bin/true", ".");
        var left = BareBuilder();
        left.Configuration["ASPIRE_DCP_PATH"] = folder.Path;
        var leftTool = left.AddExecutable("tool", "/bin/true", ".");
        var appHost = System.Reflection.Assembly.Load(TestRuntime.AppHostAssemblyName);

        var installed = false;
        var skipped = true;
        WithoutGoSettings(() =>
        {
            installed = OrchestratorLaunch.Install(launched, Path.Combine(folder.Path, "launched"), appHost);
            skipped = OrchestratorLaunch.Install(left, Path.Combine(folder.Path, "left"), appHost);
        });
        await using var launchedApp = await BuildUpToStartAsync(launched);
        await using var leftApp = await BuildUpToStartAsync(left);

        Assert.IsTrue(installed, "The test app host's assembly names a DCP that exists.");
        Assert.AreEqual(Path.Combine(folder.Path, "launched", "dcp"), launched.Configuration[OrchestratorCertificate.CliPathKey]);
        Assert.AreEqual(string.Empty, (await EnvironmentOfAsync(launchedTool.Resource))["GOGC"]);
        Assert.IsFalse(skipped, "Aspire's bundle path leaves DCP as it was.");
        Assert.IsFalse(Directory.Exists(Path.Combine(folder.Path, "left")), "No script was written.");
        Assert.IsFalse((await EnvironmentOfAsync(leftTool.Resource)).ContainsKey("GOGC"), "DCP runs with the app host's environment, and so do the resources.");
    }

    public TestContext TestContext { get; set; } = null!;

    // Builds the app and publishes the event the settings are added at, as DistributedApplication.StartAsync would.
    private async Task<DistributedApplication> BuildUpToStartAsync(IDistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        await app.Services.GetRequiredService<Aspire.Hosting.Eventing.IDistributedApplicationEventing>()
            .PublishAsync(new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>()), TestContext.CancellationToken);
        return app;
    }

    // Without the preview environment, so only Aspire's own subscribers run besides this one at the published event;
    // the test app host's assembly carries the paths of DCP and the dashboard they need.
    private static IDistributedApplicationBuilder BareBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, AllowUnsecuredTransport = true, AssemblyName = TestRuntime.AppHostAssemblyName });

    private static void WithoutGoSettings(Action action) => WithVariables(null, action);

    private static void WithGoSettings(Action action) => WithVariables("7", action);

    // The settings are read from the app host's process environment when KeepFromResources runs.
    private static void WithVariables(string? value, Action action)
    {
        var saved = OrchestratorGoRuntime.Settings.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in saved.Keys)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            action();
        }
        finally
        {
            foreach (var (name, old) in saved)
            {
                Environment.SetEnvironmentVariable(name, old);
            }
        }
    }

    private static Task<Dictionary<string, string>> EnvironmentOfAsync(IResource resource) => ResourceEnvironment.TextOfAsync(resource);
}
