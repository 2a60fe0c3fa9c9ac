namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// One stretch of trouble of one subject (a resource, or a resource's error logs): from the first bad observation
/// until it has been good for a while. It raises one alert when it opens and one recovery message when it closes,
/// however often it flaps in between.
/// </summary>
/// <param name="Id">A short id, unique within the environment's run, that the alert and its recovery share.</param>
/// <param name="Subject">What it is about: a resource name, or <c>&lt;resource&gt; errors</c>.</param>
/// <param name="Resource">The resource.</param>
/// <param name="Problem">The problem it opened with (what its alert says).</param>
/// <param name="OpenedAt">When it was first seen (UTC).</param>
public sealed record Incident(string Id, string Subject, string Resource, Problem Problem, DateTimeOffset OpenedAt)
{
    /// <summary>When it closed (UTC); null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>How long it lasted so far, or in all once resolved.</summary>
    public TimeSpan Duration(DateTimeOffset now) => (ResolvedAt ?? now) - OpenedAt;
}

/// <summary>An incident that just opened or just closed: what to announce.</summary>
/// <param name="Incident">The incident, with <see cref="Incident.ResolvedAt"/> set when it closed.</param>
public sealed record IncidentChange(Incident Incident)
{
    /// <summary>True when the incident closed (a recovery message), false when it opened (an alert).</summary>
    public bool IsRecovery => Incident.ResolvedAt is not null;
}
