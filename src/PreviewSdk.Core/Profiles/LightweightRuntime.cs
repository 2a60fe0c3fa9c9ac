namespace PreviewSdk.Core.Profiles;

/// <summary>
/// The .NET runtime settings (environment variables) of the processes of an environment of a lean profile
/// (<see cref="EffectiveProfile.IsLean"/>: <c>lightweight</c> and the profiles that extend it): its app host (set by
/// <c>-t:Preview</c>, inherited by the orchestrator and the dashboard) and each service (set on the service, where a
/// value of its own wins). The heavyweight profile keeps the runtime's production defaults.
/// Measured on the idle Shop sample: docs/architecture.md, "Memory of a lightweight environment".
/// </summary>
public static class LightweightRuntime
{
    private const string CallCounting = "DOTNET_TC_CallCounting";

    /// <summary>Each variable of a service and its value.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        // Workstation GC: one heap instead of one per core (ASP.NET Core projects default to server GC). On 2 cores
        // it saves little; on a 16-core laptop it is the larger part of an idle service's heap.
        ["DOTNET_gcServer"] = "0",
        // No dynamic profile-guided optimisation: its instrumented code and profile data cost 8 to 10 MB of private
        // memory per .NET process, for steady-state speed a preview does not need.
        ["DOTNET_TieredPGO"] = "0",
        // A 4 MB allocation budget between collections of the youngest generation instead of one sized from the L3
        // cache (about 25 MB on a 32 MB L3): an idle process keeps what it allocated since its last collection, so
        // each .NET process of the environment (app host, dashboard, services) holds 3 to 25 MB less. Smaller budgets
        // saved nothing more. The value is hexadecimal, as every DOTNET_GC setting.
        ["DOTNET_GCgen0size"] = "0x400000",
        // No call counting, so no second (tier-1) compilation of hot methods: code stays as first compiled (the
        // framework's precompiled code, quick JIT for the rest; loops are still optimised on stack replacement). It
        // saves the call-counting stubs and the second copy of hot code, 7 to 27 MB per process, and the background
        // recompilation that competes with start-up on a small machine; a preview does not need peak throughput.
        [CallCounting] = "0",
    };

    /// <summary>
    /// Each variable of the app host (inherited by the orchestrator and the dashboard) and its value: the services'
    /// settings, but the gateway runs in the app host and its proxying (YARP, not precompiled) must still reach
    /// optimised code under traffic. Without call counting the gateway benchmark fell from a ratio of 0.68 to 0.61;
    /// promoting a method after 4,096 calls instead of 30 keeps the saving (app host 95 → 73–77 MB private; without
    /// counting, 73) and the gateway's throughput (ratio 0.75). Hexadecimal, as every runtime setting.
    /// </summary>
    /// <remarks>
    /// Also <c>MALLOC_ARENA_MAX=2</c> (glibc's documented tunable, inherited by the orchestrator, the dashboard and
    /// every process they start): at most two malloc arenas instead of up to eight per core. An idle app host's
    /// private memory otherwise kept growing, about 1 MB every 5 minutes, in per-thread arenas that free memory does
    /// not leave; with two it grew a quarter as fast (measured: docs/architecture.md, "An idle environment grows").
    /// </remarks>
    public static IReadOnlyDictionary<string, string> AppHostSettings { get; } = Settings
        .Where(setting => setting.Key != CallCounting)
        .Append(new KeyValuePair<string, string>("DOTNET_TC_CallCountThreshold", "0x1000"))
        .Append(new KeyValuePair<string, string>("MALLOC_ARENA_MAX", "2"))
        .ToDictionary(setting => setting.Key, setting => setting.Value);

    /// <summary>
    /// Adds <see cref="AppHostSettings"/> for an app host of <paramref name="profile"/> to <paramref name="variables"/> when
    /// the profile is lean, except those the current process already has (a value set where the build runs wins).
    /// </summary>
    /// <param name="variables">The app host's environment variables.</param>
    /// <param name="profile">The resolved profile (the plan's); null, for a plan without one, adds nothing.</param>
    public static void AddForAppHost(IDictionary<string, string?> variables, EffectiveProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (profile is not { IsLean: true })
        {
            return;
        }

        foreach (var (name, value) in AppHostSettings)
        {
            if (string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(name)))
            {
                variables.TryAdd(name, value);
            }
        }
    }
}
