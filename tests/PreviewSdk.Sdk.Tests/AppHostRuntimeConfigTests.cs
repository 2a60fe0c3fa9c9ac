using System.Text.Json;

namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// The runtime settings the SDK gives the app host, whose process also runs the environment's gateway: its
/// thread-pool workers do not spin while they wait for work (the spinning was most of the gateway's CPU time per
/// request), unless the preview project sets the option itself.
/// </summary>
[TestClass]
public sealed class AppHostRuntimeConfigTests
{
    private const string SpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void AppHost_ThreadPoolDoesNotSpin_UnlessTheProjectSetsItsOwnLimit()
    {
        var byDefault = ServiceProject("Spin.Preview", string.Empty);
        var ownLimit = ServiceProject("OwnSpin.Preview", $"""
              <ItemGroup>
                <RuntimeHostConfigurationOption Include="{SpinLimit}" Value="25" />
              </ItemGroup>
            """);

        Workspace.Build(byDefault).AssertCleanSuccess();
        Workspace.Build(ownLimit).AssertCleanSuccess();

        Assert.AreEqual(0, ConfiguredSpinLimit(byDefault));
        Assert.AreEqual(25, ConfiguredSpinLimit(ownLimit), "The project's own option wins.");
    }

    private static string ServiceProject(string name, string extra)
    {
        var from = Path.Combine(Workspace.Root, name, name + ".csproj");
        return Workspace.PreviewProject(name, $"""
            {extra}
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
              </ItemGroup>
            """, "app: spin\n");
    }

    private static int ConfiguredSpinLimit(string project)
    {
        var runtimeConfig = Path.ChangeExtension(TestWorkspace.AppHostAssembly(project), ".runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var value = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty(SpinLimit);
        return value.ValueKind == JsonValueKind.Number ? value.GetInt32() : int.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }
}
