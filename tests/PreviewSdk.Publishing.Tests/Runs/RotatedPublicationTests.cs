using PreviewSdk.Publishing.Tests.StandIn;

namespace PreviewSdk.Publishing.Tests.Runs;

/// <summary>
/// What -t:PreviewRotateToken publishes after the rotation, against the GitHub API stand-in: the comment that carried
/// the old shared link (PreviewCommentToken=true) gets the new one; nothing else changes.
/// </summary>
[TestClass]
public sealed class RotatedPublicationTests
{
    private const string NewToken = "0d9a1c7e5b3f48e6a2c4b8d0f1e3a5c7";

    [TestMethod]
    public async Task CommentToken_OnAPrivateRepository_TheSameCommentGetsTheNewSharedLink()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.GitHub.RepositoryIsPrivate = true;
        fixture.WriteRunningEnvironment();
        fixture.PublishUp(includeToken: true);
        var before = fixture.GitHub.Comments.Single();

        fixture.RotateToken(NewToken);
        fixture.PublishRotated(includeToken: true);

        Assert.IsEmpty(fixture.Reporter.Diagnostics, fixture.Reporter.ToString());
        var after = fixture.GitHub.Comments.Single();
        Assert.AreEqual(before.Id, after.Id, "The comment is edited, not a second one written.");
        Assert.AreEqual(1, after.Edits);
        Assert.Contains($"Open <http://pr-42.localhost:7400/?preview_token={NewToken}>: the link carries", after.Body);
        Assert.DoesNotContain(PublisherFixture.AccessToken, after.Body);
        Assert.StartsWith("Updated the comment of preview 'pr-42' on octo-org/shop#42", fixture.Reporter.Messages.Last());
        Assert.Contains(NewToken, fixture.StepSummary);
    }

    [TestMethod]
    public async Task WithoutCommentToken_NothingIsPublished()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();
        fixture.PublishUp();
        var requests = fixture.GitHub.Requests.Count;
        var summary = fixture.StepSummary;

        fixture.RotateToken(NewToken);
        fixture.PublishRotated(includeToken: false);

        Assert.HasCount(requests, fixture.GitHub.Requests, "The comment carries no token, so it has nothing to change.");
        Assert.AreEqual(summary, fixture.StepSummary);
        Assert.AreEqual(0, fixture.GitHub.Comments.Single().Edits);
    }

    [TestMethod]
    public async Task RepositoryNoLongerPrivate_IsPREVIEW5058_AndTheCommentLosesTheToken()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.GitHub.RepositoryIsPrivate = true;
        fixture.WriteRunningEnvironment();
        fixture.PublishUp(includeToken: true);
        fixture.GitHub.RepositoryIsPrivate = false;

        fixture.RotateToken(NewToken);
        fixture.PublishRotated(includeToken: true);

        Assert.AreEqual("PREVIEW5058", fixture.Reporter.Diagnostics.Single().Code);
        var body = fixture.GitHub.Comments.Single().Body;
        Assert.DoesNotContain(NewToken, body);
        Assert.DoesNotContain(PublisherFixture.AccessToken, body);
        Assert.DoesNotContain("preview_token", body);
    }

    [TestMethod]
    public async Task NoRecordedComment_NoneIsCreated()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.GitHub.RepositoryIsPrivate = true;
        fixture.WriteRunningEnvironment();

        fixture.RotateToken(NewToken);
        fixture.PublishRotated(includeToken: true);

        Assert.IsEmpty(fixture.GitHub.Requests);
        Assert.AreEqual("Preview 'pr-42' has no pull request comment to update with its new links.", fixture.Reporter.Messages.Last());
    }

    [TestMethod]
    public async Task WithoutGitHubToken_TheCommentIsLeft_AndSaysSo()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.GitHub.RepositoryIsPrivate = true;
        fixture.WriteRunningEnvironment();
        fixture.PublishUp(includeToken: true);
        fixture.Variables.Remove("GITHUB_TOKEN");

        fixture.RotateToken(NewToken);
        fixture.PublishRotated(includeToken: true);

        Assert.Contains("still shows the old shared link: no GITHUB_TOKEN", fixture.Reporter.Messages.Last());
        Assert.AreEqual(0, fixture.GitHub.Comments.Single().Edits);
    }
}
