namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// The debouncing behind "one alert per incident": per subject, the first bad observation opens an incident (an
/// alert); more bad observations, of any kind, belong to it; it closes (a recovery message) only once the subject has
/// been good for <see cref="RecoveryHold"/> without a bad observation in between, so a flapping service sends one
/// alert, not one per flap. Transitional observations (a resource starting) are neither and are not passed in.
/// Thread-safe; time is given by the caller, so tests need no clock.
/// </summary>
public sealed class IncidentTracker(TimeSpan recoveryHold)
{
    /// <summary>How long a subject stays good before its incident closes, unless set otherwise.</summary>
    public static TimeSpan DefaultRecoveryHold { get; } = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (Incident Incident, DateTimeOffset? GoodSince)> open = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private int sequence;

    /// <summary>How long a subject must stay good before its incident closes.</summary>
    public TimeSpan RecoveryHold { get; } = recoveryHold;

    /// <summary>The open incidents, oldest first.</summary>
    public IReadOnlyList<Incident> Open
    {
        get
        {
            lock (gate)
            {
                return open.Values.Select(entry => entry.Incident).OrderBy(incident => incident.OpenedAt).ToList();
            }
        }
    }

    /// <summary>A bad observation of <paramref name="subject"/>: opens an incident (returned) unless one is open.</summary>
    public IncidentChange? Bad(string subject, string resource, Problem problem, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(problem);
        lock (gate)
        {
            if (open.TryGetValue(subject, out var entry))
            {
                open[subject] = (entry.Incident, null);
                return null;
            }

            var incident = new Incident($"{++sequence:D4}-{now:HHmmss}", subject, resource, problem, now);
            open[subject] = (incident, null);
            return new IncidentChange(incident);
        }
    }

    /// <summary>
    /// A good observation of <paramref name="subject"/>: starts (or continues) its recovery hold; returns the closed
    /// incident when the hold has passed.
    /// </summary>
    public IncidentChange? Good(string subject, DateTimeOffset now)
    {
        lock (gate)
        {
            if (!open.TryGetValue(subject, out var entry))
            {
                return null;
            }

            var since = entry.GoodSince ?? now;
            open[subject] = (entry.Incident, since);
            return Close(subject, since, now);
        }
    }

    /// <summary>Closes the incidents whose recovery hold has passed by <paramref name="now"/>; called every second or so.</summary>
    public IReadOnlyList<IncidentChange> Tick(DateTimeOffset now)
    {
        lock (gate)
        {
            return open.Where(entry => entry.Value.GoodSince is not null).ToList()
                .Select(entry => Close(entry.Key, entry.Value.GoodSince!.Value, now))
                .OfType<IncidentChange>()
                .ToList();
        }
    }

    private IncidentChange? Close(string subject, DateTimeOffset goodSince, DateTimeOffset now)
    {
        if (now - goodSince < RecoveryHold)
        {
            return null;
        }

        var incident = open[subject].Incident with { ResolvedAt = now };
        open.Remove(subject);
        return new IncidentChange(incident);
    }
}
