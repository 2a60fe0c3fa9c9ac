using PreviewSdk.Publishing.Context;

namespace PreviewSdk.Publishing.Runs;

/// <summary>
/// What <c>-t:Preview</c> records about an environment's pull request comment, so <c>-t:PreviewDown</c> can mark it
/// down without preview.yaml and without the event of the run that started it. Never the token.
/// </summary>
public sealed record PublicationRecord
{
    /// <summary>The app the environment runs.</summary>
    public required string App { get; init; }

    /// <summary>The environment's name.</summary>
    public required string Environment { get; init; }

    /// <summary>The preview project, which <c>-t:PreviewDown</c> matches as it matches the environment.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>The pull request whose comment carries the links.</summary>
    public required PullRequestTarget PullRequest { get; init; }
}
