namespace PreviewSdk.Publishing.Context;

/// <summary>
/// Where an environment's links are published, as the CI's variables and the preview project say. A class, not a
/// record, so that no generated <c>ToString</c> can ever print the token.
/// </summary>
public sealed class PublishingContext
{
    /// <summary>The GitHub Actions step summary file to append to; null outside GitHub Actions.</summary>
    public string? StepSummaryPath { get; init; }

    /// <summary>The repository of the run; null when unknown or unusable.</summary>
    public GitHubRepository? Repository { get; init; }

    /// <summary>The pull request to comment on; null when there is none or the comment cannot be written.</summary>
    public PullRequestTarget? PullRequest { get; init; }

    /// <summary>Whether <c>PreviewCommentToken=true</c> asked for the access token in what is published.</summary>
    public bool IncludeToken { get; init; }

    /// <summary>The API token (<c>GITHUB_TOKEN</c>); null when not set.</summary>
    internal string? Token { get; init; }

    /// <summary>True when there is nothing to publish to.</summary>
    public bool IsEmpty => StepSummaryPath is null && PullRequest is null;
}
