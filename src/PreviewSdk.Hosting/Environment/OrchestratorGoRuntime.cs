using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// The Go runtime settings of Aspire's orchestrator (DCP), whose API server and controllers are two Go processes in
/// every environment, and only theirs: the processes DCP starts get them back as empty, which Go reads as its default.
/// </summary>
/// <remarks>
/// Measured on the idle Shop sample, three environments side by side (private MB of DCP's two processes; CPU of them
/// over two minutes, % of a core): the defaults 71–72 MB at 0.68–0.73%; <c>GOGC=25</c> with <c>GOMAXPROCS=1</c>
/// 62–64 MB at 0.62%. A smaller heap goal means more collections, but one processor instead of one per core means
/// fewer collector workers and less idle spinning, so DCP uses no more CPU than before. See docs/architecture.md
/// ("DCP's Go runtime").
/// <para>
/// The script Aspire runs as DCP (<see cref="OrchestratorCertificate"/>) sets them where the app host's environment
/// does not. DCP hands its own environment to every executable it starts, so each executable and project of the
/// environment gets the variables the script set back to empty, which Go reads as its default: a Go program of the
/// team's own keeps every processor and its usual collector. A value the resource sets itself, or one the app host
/// was started with, is left as it is.
/// </para>
/// </remarks>
public static class OrchestratorGoRuntime
{
    /// <summary>Each variable DCP gets, unless the app host's environment sets it, and its value.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The collector's heap goal at 25% above the live heap instead of 100%: DCP's heap is small and mostly
        // long-lived (its object store and watch caches), so it holds about 8 MB less across its two processes.
        ["GOGC"] = "25",
        // One processor for Go code instead of one per core: DCP's work is waiting on sockets and processes, and each
        // processor costs its own allocation caches and a collector worker.
        ["GOMAXPROCS"] = "1",
    };

    /// <summary>The script's lines that set <see cref="Settings"/> where the environment does not.</summary>
    internal static string ScriptLines() => string.Join('\n', Settings.Select(setting => $"[ -n \"${setting.Key}\" ] || export {setting.Key}={setting.Value}"));

    /// <summary>
    /// Sets <see cref="Settings"/> that the app host's environment does not have back to empty for every executable
    /// and project of <paramref name="builder"/>'s model, unless the resource sets them itself; DCP's containers do
    /// not inherit its environment and are left alone.
    /// </summary>
    /// <param name="builder">The app host's builder.</param>
    /// <remarks>Called by <see cref="OrchestratorLaunch.Install"/> together with the script, which sets them.</remarks>
    public static void KeepFromResources(IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var added = Settings.Keys.Where(name => string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(name))).ToArray();
        if (added.Length == 0)
        {
            return;
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            foreach (var resource in e.Model.Resources.Where(resource => resource is ExecutableResource or ProjectResource))
            {
                // Added last, so a value of the resource's own is already there and stays.
                resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                {
                    foreach (var name in added)
                    {
                        context.EnvironmentVariables.TryAdd(name, string.Empty);
                    }
                }));
            }

            return Task.CompletedTask;
        });
    }
}
