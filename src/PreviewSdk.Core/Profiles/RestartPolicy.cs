namespace PreviewSdk.Core.Profiles;

/// <summary>
/// What an environment does when one of its resources stops after the environment was ready (a crash, an OOM kill,
/// a <c>kill -9</c>): start it again after a delay that doubles with each restart (<see cref="Backoff"/>, 2×, 4×…,
/// at most <see cref="MaximumDelay"/>), at most <see cref="Attempts"/> times in a row. A resource that then stays up
/// for <see cref="StableAfter"/> gets its full count back, as Kubernetes resets its crash-loop back-off.
/// </summary>
/// <param name="Attempts">The most restarts in a row; null for no limit, 0 for none.</param>
/// <param name="Backoff">The delay before the first restart.</param>
public sealed record RestartPolicy(int? Attempts, TimeSpan Backoff)
{
    /// <summary>The longest delay between two restarts: 5 minutes, Kubernetes' crash-loop cap.</summary>
    public static TimeSpan MaximumDelay { get; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a restarted resource must stay up before its count starts over: 10 minutes.</summary>
    public static TimeSpan StableAfter { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>lightweight</c>'s: up to 5 restarts, 1 s after the first failure, then 2, 4, 8 and 16 s: a crashing service
    /// is back within seconds, and one that cannot start gives up after half a minute instead of burning CPU.
    /// </summary>
    public static RestartPolicy Lightweight { get; } = new(5, TimeSpan.FromSeconds(1));

    /// <summary>
    /// <c>heavyweight</c>'s: Kubernetes' own policy (<c>restartPolicy: Always</c> with its crash-loop back-off): no
    /// limit, 10 s after the first failure, doubling to at most 5 minutes, so a test environment recovers as
    /// production would.
    /// </summary>
    public static RestartPolicy Heavyweight { get; } = new(null, TimeSpan.FromSeconds(10));

    /// <summary>No restarts: a stopped resource stays down.</summary>
    public static RestartPolicy Never { get; } = new(0, TimeSpan.FromSeconds(1));

    /// <summary>The shortest <see cref="Backoff"/> preview.yaml may set.</summary>
    public static TimeSpan MinimumBackoff { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The most <see cref="Attempts"/> preview.yaml may set as a number (<c>unlimited</c> is the way past it).</summary>
    public const int MaximumAttempts = 1000;

    /// <summary>Whether restart number <paramref name="restart"/> (1 for the first) is allowed.</summary>
    /// <param name="restart">The restart about to be made, counted from 1 since the resource was last stable.</param>
    public bool Allows(int restart) => Attempts is not { } limit || restart <= limit;

    /// <summary>The delay before restart number <paramref name="restart"/> (1 for the first): <see cref="Backoff"/> × 2^(restart−1), at most <see cref="MaximumDelay"/>.</summary>
    /// <param name="restart">The restart about to be made, counted from 1.</param>
    public TimeSpan DelayBefore(int restart)
    {
        var doublings = Math.Clamp(restart - 1, 0, 30);
        var ticks = Math.Min((double)Backoff.Ticks * Math.Pow(2, doublings), MaximumDelay.Ticks);
        return TimeSpan.FromTicks((long)Math.Max(ticks, 0));
    }

    /// <summary>For people: <c>up to 5 restarts, 1s back-off</c>, <c>unlimited restarts, 10s back-off</c>, <c>no restarts</c>.</summary>
    public string Describe() => Attempts switch
    {
        0 => "no restarts",
        null => $"unlimited restarts, {DurationText.Format(Backoff)} back-off",
        var limit => $"up to {limit} restart{(limit == 1 ? string.Empty : "s")}, {DurationText.Format(Backoff)} back-off",
    };
}
