namespace PreviewSdk.Core.Environments;

/// <summary>
/// The environment's alerts as the hosting layer last wrote them (<see cref="StateFiles.Alerts"/>): what is wrong now
/// and what was announced lately, for <c>-t:PreviewList</c> and tools.
/// </summary>
public sealed record AlertsReport
{
    /// <summary>When this report was written (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The open incidents, oldest first.</summary>
    public required IReadOnlyList<AlertEntry> Open { get; init; }

    /// <summary>The latest alerts and recovery messages, newest first (at most 20).</summary>
    public required IReadOnlyList<AlertEntry> Recent { get; init; }
}

/// <summary>One alert, or the recovery message that closed one.</summary>
/// <param name="Kind"><c>alert</c> or <c>recovery</c>.</param>
/// <param name="Incident">The incident's id, shared by its alert and its recovery.</param>
/// <param name="Code">The problem's code (PREVIEW6030–6033).</param>
/// <param name="Resource">The resource at fault.</param>
/// <param name="Title">The headline, e.g. <c>shop-api exited with code 137</c>.</param>
/// <param name="At">When it opened (an alert) or closed (a recovery), UTC.</param>
public sealed record AlertEntry(string Kind, string Incident, string Code, string Resource, string Title, DateTimeOffset At);
