using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// F5 and <c>dotnet run</c>: an app host its build made with PreviewSdk's targets (it finds their
/// <see cref="LaunchFile"/> beside it) registers itself as its branch's environment, in the registry where
/// <c>-t:Preview</c> would have put it, and removes itself when it stops.
/// </summary>
internal static class ForegroundRegistration
{
    /// <summary>
    /// The runtime of an app host started in the foreground: registered when its build left a launch file, else the
    /// private <c>dev</c> environment beside its binaries (a plain Aspire app host using PreviewSdk.Hosting). Exits the
    /// process with code 1 after printing why it cannot register (a team budget, a lock): there is no build to fail.
    /// </summary>
    public static PreviewRuntime Register(string dashboardUrl)
    {
        if (LaunchFile.Find(AppContext.BaseDirectory) is not { } launch)
        {
            return PreviewRuntime.FromEnvironment();
        }

        var fallback = PreviewRuntime.FromEnvironment();
        var reporter = new ConsoleReporter();
        var registered = new PreviewLifecycle(reporter).RegisterForeground(new PreviewLifecycle.ForegroundRequest(
            launch, fallback.Profile, Variable(PreviewVariables.EnvironmentName), dashboardUrl));
        if (registered is null)
        {
            Console.Error.WriteLine("The preview environment did not start.");
            System.Environment.Exit(1);
        }

        Console.WriteLine($"Preview '{registered.Name}' ({fallback.Profile}) runs here; state: {registered.StateDirectory}. -t:PreviewList lists it, -t:PreviewDown stops it.");
        return new PreviewRuntime(registered.Name, fallback.Profile, registered.EnvironmentId, registered.StateDirectory)
        {
            IsForeground = true,
            // The registry's templates, as for -t:Preview: a database seeded by F5 is kept for the next start, and an
            // F5 start clones what -t:Preview (or an earlier F5) kept.
            TemplatesDirectory = launch.TemplatesDirectory(),
            TemplateRetention = launch.TemplateRetentionOrDefault(),
            TemplatesPerServer = launch.TemplatesPerServerOrDefault(),
        };
    }

    /// <summary>Removes the environment from the registry once the app host stopped (Ctrl+C, Stop debugging with a graceful stop).</summary>
    public static void RemoveWhenStopped(IDistributedApplicationBuilder builder, PreviewRuntime runtime) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
        {
            e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(() =>
                PreviewLifecycle.DeregisterForeground(runtime.StateDirectory, runtime.EnvironmentId));
            return Task.CompletedTask;
        });

    private static string? Variable(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    // There is no build to log to: problems go to the console the developer watches.
    private sealed class ConsoleReporter : IPreviewReporter
    {
        public void Info(string message) => Console.WriteLine(message);

        public void Report(PreviewDiagnostic diagnostic) => Console.Error.WriteLine(diagnostic.ToString());
    }
}
