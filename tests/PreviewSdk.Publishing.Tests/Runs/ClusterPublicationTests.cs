using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.Runs;

namespace PreviewSdk.Publishing.Tests.Runs;

/// <summary>
/// An environment on a cluster has no state folder on the machine: -t:Preview publishes the links and record the
/// cluster reports, and -t:PreviewDown on another runner (no record there) finds the comment by its marker on the
/// pull request of its own run. Against the GitHub API stand-in.
/// </summary>
[TestClass]
public sealed class ClusterPublicationTests
{
    private const string Marker = "<!-- previewsdk app=shop environment=pr-42 -->";

    [TestMethod]
    public async Task Up_FromTheClustersLinksAndRecord_CommentsWithoutADashboardRow_ThenDownFromAnotherRunnerMarksItDown()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        var links = EnvironmentLinks.Through(new Core.Sharing.GatewayAddresses("pr-42", "preview.example.com", "https", null), null, "pr-42", "lightweight", DateTimeOffset.UtcNow, ["shop-web"])
            with { Dashboard = string.Empty, TokenRequired = true };
        var record = new EnvironmentRecord
        {
            Name = PublisherFixture.Environment,
            App = "shop",
            Profile = "lightweight",
            EnvironmentId = "shop--pr-42",
            HostProcessId = 0,
            StartedAt = DateTimeOffset.UtcNow,
            ProjectPath = fixture.ProjectPath,
            DashboardUrl = string.Empty,
            Branch = "feature/cart",
            ExpiresAt = DateTimeOffset.UtcNow.AddHours(8),
        };
        var diagnostics = new List<PreviewDiagnostic>();
        var context = PublishingContextResolver.ForStart(name => fixture.Variables.GetValueOrDefault(name), null, false, fixture.ProjectPath, diagnostics);

        new EnvironmentPublisher(fixture.Reporter).PublishUp(context, fixture.StateRoot, links, record);

        Assert.IsEmpty(diagnostics);
        var comment = fixture.GitHub.Comments.Single();
        Assert.StartsWith(Marker + "\n### Preview `pr-42` (lightweight)\n", comment.Body);
        Assert.Contains("| directory | <https://pr-42.preview.example.com/> |\n| shop-web | <https://shop-web.pr-42.preview.example.com/> |", comment.Body);
        Assert.DoesNotContain("dashboard", comment.Body, "no dashboard runs on a cluster");
        Assert.Contains("App `shop`, branch `feature/cart`; expires at ", comment.Body);

        // Another runner: an empty state root, the pull request known from its own event file.
        var otherRunner = Path.Combine(fixture.StateRoot, "..", "other-runner");
        new EnvironmentPublisher(fixture.Reporter).PublishDown(context, otherRunner, fixture.ProjectPath, PublisherFixture.Environment, app: "shop");

        var down = fixture.GitHub.Comments.Single();
        Assert.AreEqual(comment.Id, down.Id);
        Assert.StartsWith(Marker + "\n### Preview `pr-42` is down\n", down.Body);
        Assert.IsEmpty(fixture.Reporter.Diagnostics, fixture.Reporter.ToString());
    }

    [TestMethod]
    public async Task DownFromAnotherRunner_WithNoCommentOnThePullRequest_CreatesNone()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        var context = PublishingContextResolver.ForStart(name => fixture.Variables.GetValueOrDefault(name), null, false, fixture.ProjectPath, new List<PreviewDiagnostic>());

        new EnvironmentPublisher(fixture.Reporter).PublishDown(context, fixture.StateRoot, fixture.ProjectPath, PublisherFixture.Environment, app: "shop");

        Assert.IsEmpty(fixture.GitHub.Comments);
        Assert.Contains("Preview 'pr-42' has no comment on octo-org/shop#42 to update.", fixture.Reporter.Messages);
    }
}
