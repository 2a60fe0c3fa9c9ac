using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Observability.Alerts;

/// <summary>
/// What an alert (or the recovery message that closes it) says, whatever the webhook's format: the environment, the
/// resource, what happened as a coded message, the last log lines, and the links to look further.
/// </summary>
public sealed record AlertMessage
{
    /// <summary><c>alert</c> when an incident opens, <c>recovery</c> when it closes.</summary>
    public required string Kind { get; init; }

    /// <summary>The incident's id, the same in its alert and its recovery.</summary>
    public required string IncidentId { get; init; }

    /// <summary>The code of the problem (PREVIEW6030–6033), for filters and the docs.</summary>
    public required string Code { get; init; }

    /// <summary>The environment's name.</summary>
    public required string Environment { get; init; }

    /// <summary>The app.</summary>
    public required string App { get; init; }

    /// <summary>The profile.</summary>
    public required string Profile { get; init; }

    /// <summary>The resource at fault.</summary>
    public required string Resource { get; init; }

    /// <summary>A headline: <c>shop-api exited with code 137</c>, <c>shop-api recovered</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The coded message of the problem, with its fix.</summary>
    public required string Message { get; init; }

    /// <summary>More lines about the problem (failing health checks, error messages).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    /// <summary>The last lines of the resource's console log, oldest first; empty for a recovery.</summary>
    public IReadOnlyList<string> LogLines { get; init; } = [];

    /// <summary>Where to look.</summary>
    public required AlertLinks Links { get; init; }

    /// <summary>When the incident opened (UTC).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When it closed (UTC); null in an alert.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>True for the message that closes an incident.</summary>
    public bool IsRecovery => Kind == RecoveryKind;

    /// <summary>The value of <see cref="Kind"/> for an alert.</summary>
    public const string AlertKind = "alert";

    /// <summary>The value of <see cref="Kind"/> for a recovery message.</summary>
    public const string RecoveryKind = "recovery";

    /// <summary>The code of a problem kind.</summary>
    public static string CodeOf(ProblemKind kind) => kind switch
    {
        ProblemKind.Exited => DiagnosticCodes.AlertResourceExited,
        ProblemKind.Unhealthy => DiagnosticCodes.AlertResourceUnhealthy,
        ProblemKind.CheckFailing => DiagnosticCodes.AlertCheckFailing,
        _ => DiagnosticCodes.AlertErrorLogs,
    };
}

/// <summary>
/// The links an alert carries: the environment's gateway links without the access token (an alert goes to a chat
/// channel; whoever opened the shared link once has the cookie that opens these).
/// </summary>
/// <param name="Dashboard">The environment's dashboard, through its gateway.</param>
/// <param name="Services">The services' links, name to URL, in the environment's order.</param>
public sealed record AlertLinks(string Dashboard, IReadOnlyList<KeyValuePair<string, string>> Services)
{
    /// <summary>The environment's links directory page, without the token; null before the environment is ready.</summary>
    public string? Directory { get; init; }

    /// <summary>The links of an environment's links.json, never its shared link; null parts (an environment not ready yet) stay empty.</summary>
    public static AlertLinks From(Core.Links.EnvironmentLinks? links) => links is null
        ? new AlertLinks(string.Empty, [])
        : new AlertLinks(links.Dashboard, links.Services.Select(service => new KeyValuePair<string, string>(service.Name, service.Url)).ToList())
        {
            Directory = links.Directory,
        };
}
