namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// Counts each service's error logs in a sliding window and says when one logged more than the threshold: a burst is
/// one incident, not one per line. Keeps at most threshold + 1 times per service, whatever the rate.
/// </summary>
public sealed class ErrorLogWindow(int threshold, TimeSpan window)
{
    private readonly Dictionary<string, Queue<(DateTimeOffset At, string Message)>> recent = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>More than this many errors within <see cref="Window"/> is too many.</summary>
    public int Threshold { get; } = threshold;

    /// <summary>The window.</summary>
    public TimeSpan Window { get; } = window;

    /// <summary>The services that logged errors, as the window last saw them.</summary>
    public IReadOnlyList<string> Services
    {
        get
        {
            lock (gate)
            {
                return recent.Keys.ToList();
            }
        }
    }

    /// <summary>Counts an error log of <paramref name="service"/> written at <paramref name="at"/>.</summary>
    public void Add(string service, DateTimeOffset at, string message)
    {
        lock (gate)
        {
            if (!recent.TryGetValue(service, out var times))
            {
                recent[service] = times = new Queue<(DateTimeOffset, string)>();
            }

            times.Enqueue((at, message));
            while (times.Count > Threshold + 1)
            {
                times.Dequeue();
            }
        }
    }

    /// <summary>
    /// The problem of <paramref name="service"/> at <paramref name="now"/>: more than <see cref="Threshold"/> errors
    /// within the last <see cref="Window"/>, with the latest messages as details; null when it is below.
    /// </summary>
    public Problem? ProblemOf(string service, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!recent.TryGetValue(service, out var times))
            {
                return null;
            }

            while (times.Count > 0 && now - times.Peek().At > Window)
            {
                times.Dequeue();
            }

            if (times.Count <= Threshold)
            {
                return null;
            }

            var window = Core.Profiles.DurationText.Format(Window);
            return new Problem(ProblemKind.ErrorLogs, $"logged more than {Threshold} errors within {window}", times.TakeLast(5).Select(t => t.Message).ToList());
        }
    }
}
