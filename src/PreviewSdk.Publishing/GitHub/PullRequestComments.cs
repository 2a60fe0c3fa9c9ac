using Octokit;
using PreviewSdk.Publishing.Content;
using PreviewSdk.Publishing.Context;

namespace PreviewSdk.Publishing.GitHub;

/// <summary>
/// The marked comment of one pull request, through GitHub's REST API (Octokit): found by its marker, created once,
/// edited on every later run. Every request is bounded by <see cref="PublishingLimits.RequestTimeout"/>.
/// </summary>
internal sealed class PullRequestComments
{
    private readonly GitHubClient client;
    private readonly PullRequestTarget target;
    private readonly PublishingLimits limits;

    public PullRequestComments(PullRequestTarget target, string token, PublishingLimits limits)
    {
        this.target = target;
        this.limits = limits;
        client = GitHubClients.Create(target.Repository, token, limits);
    }

    /// <summary>
    /// Writes <paramref name="body"/> into the comment marked <paramref name="marker"/>: edits it when it exists,
    /// otherwise creates it when <paramref name="createIfMissing"/>. Returns what was done.
    /// </summary>
    public async Task<CommentWrite> WriteAsync(string marker, string body, bool createIfMissing)
    {
        var existing = await FindAsync(marker).ConfigureAwait(false);
        var repository = target.Repository;
        if (existing is not null)
        {
            await client.Issue.Comment.Update(repository.Owner, repository.Name, existing.Id, body).ConfigureAwait(false);
            return new CommentWrite(CommentWriteKind.Updated, existing.HtmlUrl);
        }

        if (!createIfMissing)
        {
            return new CommentWrite(CommentWriteKind.NotFound, null);
        }

        var created = await client.Issue.Comment.Create(repository.Owner, repository.Name, target.Number, body).ConfigureAwait(false);
        return new CommentWrite(CommentWriteKind.Created, created.HtmlUrl);
    }

    // Comments are listed oldest first, and the marked one is usually among the first (written when the pull request
    // opened): pages are read one at a time until it is found, at most MaxCommentPages of them.
    private async Task<IssueComment?> FindAsync(string marker)
    {
        var repository = target.Repository;
        for (var page = 1; page <= limits.MaxCommentPages; page++)
        {
            var options = new ApiOptions { PageSize = limits.CommentPageSize, PageCount = 1, StartPage = page };
            var comments = await client.Issue.Comment.GetAllForIssue(repository.Owner, repository.Name, target.Number, options).ConfigureAwait(false);
            if (comments.FirstOrDefault(comment => CommentMarker.Marks(marker, comment.Body)) is { } found)
            {
                return found;
            }

            if (comments.Count < limits.CommentPageSize)
            {
                return null;
            }
        }

        return null;
    }
}

/// <summary>What writing a marked comment did.</summary>
/// <param name="Kind">Created, updated, or not found (and not created).</param>
/// <param name="Url">The comment's page, when there is one.</param>
internal sealed record CommentWrite(CommentWriteKind Kind, string? Url);

/// <summary>The outcomes of writing a marked comment.</summary>
internal enum CommentWriteKind
{
    Created,
    Updated,
    NotFound,
}
