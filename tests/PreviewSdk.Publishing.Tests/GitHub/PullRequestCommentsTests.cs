using PreviewSdk.Publishing.Content;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.GitHub;
using PreviewSdk.Publishing.Tests.StandIn;

namespace PreviewSdk.Publishing.Tests.GitHub;

/// <summary>The marked comment through Octokit, against the local stand-in of GitHub's API.</summary>
[TestClass]
public sealed class PullRequestCommentsTests
{
    private static readonly string Marker = CommentMarker.For("shop", "pr-42");

    [TestMethod]
    public async Task FirstWrite_Creates_ThenTheSameCommentIsEdited()
    {
        await using var github = await GitHubApiStandIn.StartAsync();
        var comments = Comments(github);

        var created = await comments.WriteAsync(Marker, Marker + "\nfirst", createIfMissing: true);
        var updated = await comments.WriteAsync(Marker, Marker + "\nsecond", createIfMissing: true);

        Assert.AreEqual(CommentWriteKind.Created, created.Kind);
        Assert.AreEqual(CommentWriteKind.Updated, updated.Kind);
        var comment = github.Comments.Single();
        Assert.AreEqual(Marker + "\nsecond", comment.Body);
        Assert.AreEqual(1, comment.Edits);
        Assert.EndsWith($"#issuecomment-{comment.Id}", updated.Url);
    }

    [TestMethod]
    public async Task MarkedCommentOnALaterPage_IsFoundByPaging()
    {
        await using var github = await GitHubApiStandIn.StartAsync();
        for (var i = 0; i < 205; i++)
        {
            github.AddComment($"review remark {i}");
        }

        var marked = github.AddComment(Marker + "\nold links", "github-actions[bot]");
        github.AddComment("a later remark");

        var written = await Comments(github).WriteAsync(Marker, Marker + "\nnew links", createIfMissing: true);

        Assert.AreEqual(CommentWriteKind.Updated, written.Kind);
        Assert.AreEqual(207, github.Comments.Count, "No second marked comment.");
        Assert.AreEqual(Marker + "\nnew links", github.Comments.Single(comment => comment.Id == marked.Id).Body);
        var pages = github.Requests.Where(request => request.StartsWith("GET /api/v3/repos/octo-org/shop/issues/42/comments", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(
            new[] { "page=1", "page=2", "page=3" },
            pages.Select(request => request.Split('?')[1].Split('&').Single(part => part.StartsWith("page=", StringComparison.Ordinal))).ToList(),
            string.Join('\n', pages));
    }

    [TestMethod]
    public async Task Write_WithoutCreate_LeavesAPullRequestWithoutTheCommentAlone()
    {
        await using var github = await GitHubApiStandIn.StartAsync();
        github.AddComment(CommentMarker.For("shop", "pr-4") + "\nanother environment's links");

        var written = await Comments(github).WriteAsync(Marker, Marker + "\ndown", createIfMissing: false);

        Assert.AreEqual(CommentWriteKind.NotFound, written.Kind);
        Assert.AreEqual(0, github.Comments.Single().Edits);
    }

    [TestMethod]
    public async Task IsPrivate_ReadsTheRepositoryVisibility()
    {
        await using var github = await GitHubApiStandIn.StartAsync();
        var repository = Target(github).Repository;

        Assert.IsFalse(await GitHubClients.IsPrivateAsync(repository, GitHubApiStandIn.AcceptedToken, PublishingLimits.Default));
        github.RepositoryIsPrivate = true;
        Assert.IsTrue(await GitHubClients.IsPrivateAsync(repository, GitHubApiStandIn.AcceptedToken, PublishingLimits.Default));
    }

    internal static PullRequestTarget Target(GitHubApiStandIn github) =>
        new(GitHubRepository.TryParse(GitHubApiStandIn.Repository, GitHubRepository.TryParseApiUrl(github.ApiUrl)!)!, GitHubApiStandIn.PullRequest);

    private static PullRequestComments Comments(GitHubApiStandIn github) =>
        new(Target(github), GitHubApiStandIn.AcceptedToken, PublishingLimits.Default);
}
