namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// When a failed webhook delivery is tried again: after <see cref="FirstDelay"/>, then twice as long each time up to
/// <see cref="MaxDelay"/>, <see cref="Attempts"/> attempts in all; a receiver's <c>Retry-After</c> wins when it asks for
/// longer (up to <see cref="MaxDelay"/>).
/// </summary>
/// <param name="Attempts">Attempts in all, the first included.</param>
/// <param name="FirstDelay">The wait after the first failure.</param>
/// <param name="MaxDelay">The longest wait between two attempts.</param>
public sealed record RetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>6 attempts over about a minute (1, 2, 4, 8, 16 s between them), for a receiver that restarts or a network that blips.</summary>
    public static RetryPolicy Default { get; } = new(6, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based), given the receiver's <c>Retry-After</c>.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter = null)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(attempt - 1, 30))));
        return retryAfter is { } asked && asked > backoff ? (asked < MaxDelay ? asked : MaxDelay) : backoff;
    }
}
