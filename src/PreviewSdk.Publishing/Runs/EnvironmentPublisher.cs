using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Publishing.Content;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.GitHub;

namespace PreviewSdk.Publishing.Runs;

/// <summary>
/// Publishes an environment's links where the CI shows them: appended to the GitHub Actions step summary, and in
/// one pull request comment that every later run edits. A failure is a coded warning, never a failed preview, and
/// everything sent to GitHub is bounded by <see cref="PublishingLimits"/>.
/// </summary>
public sealed class EnvironmentPublisher(IPreviewReporter reporter, PublishingLimits? limits = null)
{
    private readonly PublishingLimits limits = limits ?? PublishingLimits.Default;

    /// <summary>
    /// After <c>-t:Preview</c> succeeded (started, or found up): publishes the links of the environment in
    /// <paramref name="folder"/>, and records where its comment is for <see cref="PublishDown"/>.
    /// </summary>
    public void PublishUp(PublishingContext context, string stateRoot, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsEmpty || EnvironmentRegistry.Read(folder) is not { Links: { } links } entry)
        {
            return;
        }

        PublishUp(context, stateRoot, links, entry.Record, cancellationToken);
    }

    /// <summary>
    /// Like the overload above, for an environment whose state is not on this machine (on a cluster): its
    /// <paramref name="links"/> and <paramref name="record"/> as its target reports them.
    /// </summary>
    public void PublishUp(PublishingContext context, string stateRoot, EnvironmentLinks links, EnvironmentRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(record);
        if (context.IsEmpty)
        {
            return;
        }

        var location = SourceLocation.WholeFile(record.ProjectPath ?? stateRoot);
        var mayShareToken = context.IncludeToken && RepositoryIsPrivate(context.Repository, context.Token, record.Name, location, cancellationToken);
        var markdown = PreviewCommentText.Up(SharedLinkPolicy.ForPublication(links, mayShareToken), record);
        AppendStepSummary(context, record.Name, markdown, location);
        if (context.PullRequest is not { } target || context.Token is not { } token || record.ProjectPath is null)
        {
            return;
        }

        var publication = new PublicationRecord { App = record.App, Environment = record.Name, ProjectPath = record.ProjectPath, PullRequest = target };
        new PublicationStore(stateRoot).Save(publication);
        WriteComment(publication, token, markdown, createIfMissing: true, location, cancellationToken);
    }

    /// <summary>
    /// After <c>-t:PreviewDown</c> succeeded: marks the comment of each recorded publication of environment
    /// <paramref name="name"/> of <paramref name="projectPath"/> as down (it never creates one), notes it in the step
    /// summary, and forgets the record. Also after the environment expired on its own: the record outlives it.
    /// With no record on this machine and <paramref name="app"/> given (an environment on a cluster, stopped by a
    /// job on another runner than the one that started it), the pull request of the context, if any, is edited
    /// instead: its comment for that app and environment, found by its marker, when there is one.
    /// </summary>
    public void PublishDown(PublishingContext context, string stateRoot, string projectPath, string name, CancellationToken cancellationToken = default, string? app = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = new PublicationStore(stateRoot);
        var location = SourceLocation.WholeFile(projectPath);
        var publications = store.Find(projectPath, name);
        if (publications.Count == 0 && app is not null && context.PullRequest is { } pullRequest)
        {
            publications = [new PublicationRecord { App = app, Environment = name, ProjectPath = Path.GetFullPath(projectPath), PullRequest = pullRequest }];
        }

        foreach (var publication in publications)
        {
            var markdown = PreviewCommentText.Down(publication.App, publication.Environment, DateTimeOffset.UtcNow);
            AppendStepSummary(context, name, markdown, location);
            if (context.Token is not { } token)
            {
                // Kept, so a PreviewDown that has the token (the workflow's, when the pull request closes) still can.
                reporter.Info($"The comment of preview '{name}' on {publication.PullRequest} still shows its links: no {CiVariables.Token} to edit it with.");
                continue;
            }

            WriteComment(publication, token, markdown, createIfMissing: false, location, cancellationToken);
            store.Delete(publication);
        }
    }

    /// <summary>
    /// After <c>-t:PreviewRotateToken</c> succeeded with <c>PreviewCommentToken=true</c>: the comment that
    /// <c>-t:Preview</c> recorded for environment <paramref name="name"/> of <paramref name="projectPath"/> shows the
    /// old token's shared link, which opens nothing any more, so it is rewritten with the new links (the step summary
    /// gets them too). It never creates a comment; without <c>PreviewCommentToken=true</c> the comment carries no
    /// token and nothing changes.
    /// </summary>
    public void PublishRotated(PublishingContext context, string stateRoot, string projectPath, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.IncludeToken)
        {
            return;
        }

        var location = SourceLocation.WholeFile(projectPath);
        var registry = new EnvironmentRegistry(stateRoot);
        var publications = new PublicationStore(stateRoot).Find(projectPath, name);
        if (publications.Count == 0)
        {
            reporter.Info($"Preview '{name}' has no pull request comment to update with its new links.");
        }

        foreach (var publication in publications)
        {
            if (EnvironmentRegistry.Read(registry.FolderOf(publication.App, publication.Environment)) is not { Links: { } links } entry)
            {
                continue;
            }

            if (context.Token is not { } token)
            {
                reporter.Info($"The comment of preview '{name}' on {publication.PullRequest} still shows the old shared link: no {CiVariables.Token} to edit it with.");
                continue;
            }

            // Asked again, of the comment's own repository: the token goes only where every reader may open the environment.
            var mayShareToken = RepositoryIsPrivate(publication.PullRequest.Repository, token, name, location, cancellationToken);
            var markdown = PreviewCommentText.Up(SharedLinkPolicy.ForPublication(links, mayShareToken), entry.Record);
            AppendStepSummary(context, name, markdown, location);
            WriteComment(publication, token, markdown, createIfMissing: false, location, cancellationToken);
        }
    }

    private void WriteComment(PublicationRecord publication, string token, string markdown, bool createIfMissing, SourceLocation location, CancellationToken cancellationToken)
    {
        var marker = CommentMarker.For(publication.App, publication.Environment);
        var comments = new PullRequestComments(publication.PullRequest, token, limits);
        var written = Bounded(() => comments.WriteAsync(marker, PreviewCommentText.Comment(marker, markdown), createIfMissing), publication, location, cancellationToken);
        var target = publication.PullRequest;
        switch (written?.Kind)
        {
            case CommentWriteKind.Created:
                reporter.Info($"Commented the links of preview '{publication.Environment}' on {target}: {written.Url}");
                break;
            case CommentWriteKind.Updated:
                reporter.Info($"Updated the comment of preview '{publication.Environment}' on {target}: {written.Url}");
                break;
            case CommentWriteKind.NotFound:
                reporter.Info($"Preview '{publication.Environment}' has no comment on {target} to update.");
                break;
        }
    }

    private bool RepositoryIsPrivate(GitHubRepository? repository, string? token, string environment, SourceLocation location, CancellationToken cancellationToken)
    {
        string reason;
        if (repository is not null && token is not null)
        {
            try
            {
                if (Run(() => GitHubClients.IsPrivateAsync(repository, token, limits), cancellationToken))
                {
                    return true;
                }

                reason = $"{repository.FullName} is not a private repository";
            }
            catch (Exception e) when (GitHubFailure.IsExpected(e) && !cancellationToken.IsCancellationRequested)
            {
                reason = $"the visibility of {repository.FullName} could not be read ({e.Message.Trim().TrimEnd('.')})";
            }
        }
        else
        {
            reason = $"without {CiVariables.Token} and {CiVariables.Repository} the repository's visibility cannot be read";
        }

        reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.CommentTokenNotPrivate, DiagnosticSeverity.Warning, location, reason, environment));
        return false;
    }

    private void AppendStepSummary(PublishingContext context, string environment, string markdown, SourceLocation location)
    {
        if (context.StepSummaryPath is not { } path)
        {
            return;
        }

        try
        {
            File.AppendAllText(path, markdown + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.StepSummaryNotWritten, DiagnosticSeverity.Warning, location, environment, path, e.Message));
        }
    }

    private T? Bounded<T>(Func<Task<T>> work, PublicationRecord publication, SourceLocation location, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return Run(work, cancellationToken);
        }
        catch (Exception e) when (GitHubFailure.IsExpected(e) && !cancellationToken.IsCancellationRequested)
        {
            reporter.Report(GitHubFailure.Describe(e, publication.Environment, publication.PullRequest, location));
            return null;
        }
    }

    // Octokit takes no cancellation token: the whole exchange is abandoned after TotalTimeout (each request is also
    // bounded by RequestTimeout, so nothing keeps running for long).
    private T Run<T>(Func<Task<T>> work, CancellationToken cancellationToken) =>
        work().WaitAsync(limits.TotalTimeout, cancellationToken).GetAwaiter().GetResult();
}
