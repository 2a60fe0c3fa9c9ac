namespace PreviewSdk.Core.Environments;

/// <summary>
/// What the MSBuild layer records about a started environment (<see cref="StateFiles.Record"/>): enough for
/// <c>-t:PreviewList</c> to describe it and for <c>-t:PreviewDown</c> to stop every process it owns.
/// </summary>
public sealed record EnvironmentRecord
{
    /// <summary>The environment's name.</summary>
    public required string Name { get; init; }

    /// <summary>The app the environment runs (the preview project's app name).</summary>
    public required string App { get; init; }

    /// <summary>The profile it was started with.</summary>
    public required string Profile { get; init; }

    /// <summary>The id every process of this run inherits (<see cref="PreviewVariables.EnvironmentId"/>).</summary>
    public required string EnvironmentId { get; init; }

    /// <summary>Process id of the app host.</summary>
    public required int HostProcessId { get; init; }

    /// <summary>When the app host was started (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Who started it (the git user name, else the OS user).</summary>
    public string? Owner { get; init; }

    /// <summary>The git branch it was started from, if any.</summary>
    public string? Branch { get; init; }

    /// <summary>The preview project that defines it.</summary>
    public string? ProjectPath { get; init; }

    /// <summary>The dashboard's address (without the login token).</summary>
    public required string DashboardUrl { get; init; }
}
