using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// Entry point of a preview app host: <c>PreviewApplication.CreateBuilder(args)</c> in place of
/// <c>DistributedApplication.CreateBuilder(args)</c>.
/// </summary>
public static class PreviewApplication
{
    /// <summary>
    /// Creates the distributed application builder of a preview environment. It makes the app host runnable on a
    /// machine without an HTTPS development certificate (plain HTTP on loopback, free ports for the dashboard,
    /// its OTLP receiver and the resource service, unless they were given), marks every process of the
    /// environment with its id, and reports the environment's state into its state folder.
    /// </summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ApplyHostDefaults();
        var runtime = PreviewRuntime.IsStartedByBuild
            ? PreviewRuntime.FromEnvironment()
            : ForegroundRegistration.Register((System.Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? string.Empty).Split(';')[0]);
        ApplyIdentity(runtime);
        // Before DCP starts: it takes the PATH from this process.
        DirectServiceStart.Install(Path.Combine(runtime.StateDirectory, "launch"));
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args });
        OrchestratorLaunch.Install(builder, Path.Combine(runtime.StateDirectory, "launch", "orchestrator"), System.Reflection.Assembly.GetEntryAssembly());

        builder.AddPreviewEnvironment(runtime);
        if (runtime.IsForeground)
        {
            ForegroundRegistration.RemoveWhenStopped(builder, runtime);
        }

        return builder;
    }

    // Set as process variables, not builder configuration: Aspire reads some of them before the builder exists,
    // and DCP and every resource inherit the process environment, which carries the environment id to them.
    private static void ApplyHostDefaults()
    {
        SetDefault("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        SetDefault("ASPNETCORE_URLS", $"http://127.0.0.1:{LoopbackPorts.Next()}");
        SetDefault("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", $"http://127.0.0.1:{LoopbackPorts.Next()}");
        SetDefault("ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL", $"http://127.0.0.1:{LoopbackPorts.Next()}");
        SetDefault("DOTNET_ENVIRONMENT", "Development");
        SetDefault("ASPNETCORE_ENVIRONMENT", "Development");
        // DCP otherwise starts one `dcp monitor-process` per executable (about 18 MB of private memory each) to end the
        // executable if DCP itself dies. PreviewSdk already finds and stops every process carrying the environment's
        // id (-t:PreviewDown, the registry sweep), so they only cost memory. "false" here keeps them.
        SetDefault("DCP_DISABLE_MONITOR_PROCESS", "true");
        // Aspire otherwise runs `dotnet package search` against the NuGet feeds at every start to tell the dashboard
        // of a newer Aspire: it keeps its once-a-day memory in user secrets, which a generated app host has none of,
        // so every environment start paid for another dotnet process and a feed query. "false" here keeps the check.
        SetDefault("ASPIRE_VERSION_CHECK_DISABLED", "true");
    }

    private static void ApplyIdentity(PreviewRuntime runtime)
    {
        System.Environment.SetEnvironmentVariable(PreviewVariables.EnvironmentId, runtime.EnvironmentId);
        System.Environment.SetEnvironmentVariable(PreviewVariables.EnvironmentName, runtime.Name);
        System.Environment.SetEnvironmentVariable(PreviewVariables.StateDirectory, runtime.StateDirectory);
        System.Environment.SetEnvironmentVariable(PreviewVariables.Profile, runtime.Profile);
        if (!runtime.IsDetached)
        {
            // -t:Preview gives a detached app host its own temp folder; under F5 the app host makes one itself, for
            // what Aspire's orchestrator and the services leave in TMPDIR, and removes it when it exits.
            var temp = EnvironmentTemp.Create(runtime.EnvironmentId);
            System.Environment.SetEnvironmentVariable("TMPDIR", temp);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => EnvironmentTemp.Delete(temp);
        }
    }

    private static void SetDefault(string name, string value)
    {
        if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(name)))
        {
            System.Environment.SetEnvironmentVariable(name, value);
        }
    }
}
