using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// One synthetic check of <c>checks:</c>: an HTTP request to a service of the environment and what its answer must
/// be. The app host runs it on schedule; <c>-t:PreviewTest</c> runs it once.
/// </summary>
/// <param name="Service">The service it calls (the key under <c>checks:</c>).</param>
/// <param name="Name">The check's name within the service (its key).</param>
/// <param name="Path">The request path, starting with <c>/</c> (a query string is allowed).</param>
public sealed record CheckEntry(Located<string> Service, Located<string> Name, Located<string> Path)
{
    /// <summary>How often the environment runs a check unless it sets <c>interval:</c>.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The shortest <c>interval:</c> allowed: a check is a request a real user did not make.</summary>
    public static TimeSpan MinimumInterval { get; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest <c>interval:</c> allowed.</summary>
    public static TimeSpan MaximumInterval { get; } = TimeSpan.FromDays(1);

    /// <summary>The longest <c>maxLatency:</c> allowed; a request takes at most this long before it counts as no answer.</summary>
    public static TimeSpan MaximumLatency { get; } = TimeSpan.FromMinutes(5);

    /// <summary>The HTTP method, upper case (<c>GET</c> unless <c>method:</c> says otherwise).</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Request headers, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The request body, sent as written; null for none.</summary>
    public string? Body { get; init; }

    /// <summary>The status the answer must have (<c>status:</c>, 200 unless set).</summary>
    public int ExpectedStatus { get; init; } = 200;

    /// <summary>Text the answer's body must contain (<c>contains:</c>); null for no check of the body.</summary>
    public string? BodyContains { get; init; }

    /// <summary>How long the answer may take at most (<c>maxLatency:</c>); null for no limit beyond the request timeout.</summary>
    public TimeSpan? MaxLatency { get; init; }

    /// <summary>How often the environment runs the check (<c>interval:</c>).</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>The check's full name, <c>service/name</c>, as reports and alerts show it.</summary>
    public string FullName => $"{Service.Value}/{Name.Value}";

    /// <summary>Where preview.yaml declares the check (its name); diagnostics point there.</summary>
    public SourceLocation Location => Name.Location;

    /// <summary>A check made in code rather than read from preview.yaml: a GET of <paramref name="path"/> that must answer 200, refined with <c>with</c>.</summary>
    public static CheckEntry Create(string service, string name, string path) =>
        new(new Located<string>(service, default), new Located<string>(name, default), new Located<string>(path, default));
}
