namespace PreviewSdk.Core.Containers;

/// <summary>
/// The labels PreviewSdk puts on every container, volume and network of an environment, so that its cleanup
/// finds exactly what belongs to one environment (<see cref="Environment"/>) and people can see whose it is.
/// </summary>
/// <param name="EnvironmentId">The environment's id (<c>PREVIEW_ENVIRONMENT_ID</c>): unique per start.</param>
/// <param name="App">The app's name.</param>
/// <param name="Team">The team, or null.</param>
/// <param name="Owner">Who started it, or null.</param>
public sealed record EnvironmentLabels(string EnvironmentId, string App, string? Team, string? Owner)
{
    /// <summary>The label whose value is the environment id: what the cleanup filters on.</summary>
    public const string Environment = "previewsdk.environment";

    /// <summary>The app's name.</summary>
    public const string AppLabel = "previewsdk.app";

    /// <summary>The team whose budget the environment counts against.</summary>
    public const string TeamLabel = "previewsdk.team";

    /// <summary>Who started the environment.</summary>
    public const string OwnerLabel = "previewsdk.owner";

    /// <summary>The labels as name and value, the environment first.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToList() =>
    [
        KeyValuePair.Create(Environment, EnvironmentId),
        KeyValuePair.Create(AppLabel, App),
        KeyValuePair.Create(TeamLabel, Team ?? string.Empty),
        KeyValuePair.Create(OwnerLabel, Owner ?? string.Empty),
    ];

    /// <summary>As <c>--label name=value</c> arguments of <c>docker run</c> / <c>podman run</c>.</summary>
    public IReadOnlyList<string> ToRunArguments() =>
        ToList().SelectMany(label => new[] { "--label", $"{label.Key}={label.Value}" }).ToList();

    /// <summary>The engine's list filter for everything of the environment <paramref name="environmentId"/>.</summary>
    public static IDictionary<string, IDictionary<string, bool>> FilterFor(string environmentId) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{Environment}={environmentId}"] = true },
        };
}
