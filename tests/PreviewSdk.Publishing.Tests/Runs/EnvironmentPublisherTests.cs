using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PreviewSdk.Publishing.GitHub;
using PreviewSdk.Publishing.Tests.StandIn;

namespace PreviewSdk.Publishing.Tests.Runs;

/// <summary>What -t:Preview and -t:PreviewDown publish, against the GitHub API stand-in and a real step summary file.</summary>
[TestClass]
public sealed class EnvironmentPublisherTests
{
    private const string Marker = "<!-- previewsdk app=shop environment=pr-42 -->";

    [TestMethod]
    public async Task UpUpDown_CreatesOneComment_EditsIt_ThenMarksItDown()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();
        var afterFirst = fixture.GitHub.Comments.Single();
        fixture.PublishUp();
        var afterSecond = fixture.GitHub.Comments.Single();
        fixture.PublishDown();

        Assert.IsEmpty(fixture.Reporter.Diagnostics, fixture.Reporter.ToString());
        Assert.StartsWith(Marker + "\n### Preview `pr-42` (lightweight)\n", afterFirst.Body);
        Assert.Contains("| directory | <http://pr-42.localhost:7400/> |", afterFirst.Body);
        Assert.Contains("| shop-web | <http://shop-web.pr-42.localhost:7400/> |", afterFirst.Body);
        Assert.AreEqual(afterFirst.Id, afterSecond.Id);
        Assert.AreEqual(1, afterSecond.Edits);
        var final = fixture.GitHub.Comments.Single();
        Assert.AreEqual(2, final.Edits);
        Assert.StartsWith(Marker + "\n### Preview `pr-42` is down\n", final.Body);
        Assert.Contains("its links no longer work", final.Body);
        Assert.StartsWith("Commented the links of preview 'pr-42' on octo-org/shop#42: https://", fixture.Reporter.Messages[0]);
        Assert.StartsWith("Updated the comment of preview 'pr-42' on octo-org/shop#42", fixture.Reporter.Messages[1]);
        Assert.IsEmpty(fixture.Store.Find(fixture.ProjectPath, PublisherFixture.Environment), "The record goes once the comment says down.");
    }

    [TestMethod]
    public async Task StepSummary_GetsTheLinksOfEachRun_ThenTheDownNotice()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();
        fixture.PublishDown();

        var summary = fixture.StepSummary;
        Assert.StartsWith("### Preview `pr-42` (lightweight)\n\nOpen <http://pr-42.localhost:7400/>: it asks for the environment's access token, which is not published here", summary);
        Assert.Contains("| resource | link |\n|---|---|\n| directory | <http://pr-42.localhost:7400/> |\n| dashboard | <http://127.0.0.1:35269/> |\n", summary);
        Assert.Contains("App `shop`, branch `feature/cart`; expires at ", summary);
        Assert.Contains("\n### Preview `pr-42` is down\n", summary);
        Assert.DoesNotContain("<!--", summary, "The marker belongs to the comment only.");
    }

    [TestMethod]
    public async Task ByDefault_NoTokenIsPublished_NeitherTheEnvironmentsNorTheDashboards()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();

        foreach (var published in new[] { fixture.GitHub.Comments.Single().Body, fixture.StepSummary })
        {
            Assert.DoesNotContain(PublisherFixture.AccessToken, published);
            Assert.DoesNotContain(PublisherFixture.DashboardToken, published);
            Assert.DoesNotContain("preview_token", published);
        }

        Assert.IsFalse(fixture.GitHub.Requests.Any(request => request == "GET /api/v3/repos/octo-org/shop"), "Visibility is only asked for PreviewCommentToken.");
        Assert.IsFalse(Directory.EnumerateFiles(fixture.Store.Folder).Any(file => File.ReadAllText(file).Contains(GitHubApiStandIn.AcceptedToken, StringComparison.Ordinal)), "The record never holds the GitHub token.");
    }

    [TestMethod]
    public async Task CommentToken_OnAPrivateRepository_PublishesTheSharedLink()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.GitHub.RepositoryIsPrivate = true;
        fixture.WriteRunningEnvironment();

        fixture.PublishUp(includeToken: true);

        Assert.IsEmpty(fixture.Reporter.Diagnostics, fixture.Reporter.ToString());
        Assert.Contains($"Open <http://pr-42.localhost:7400/?preview_token={PublisherFixture.AccessToken}>: the link carries", fixture.GitHub.Comments.Single().Body);
        Assert.Contains(PublisherFixture.AccessToken, fixture.StepSummary);
    }

    [TestMethod]
    public async Task CommentToken_OnAPublicRepository_IsPREVIEW5058_AndTheTokenStaysOut()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();

        fixture.PublishUp(includeToken: true);

        var warning = fixture.Reporter.Diagnostics.Single();
        Assert.AreEqual("PREVIEW5058", warning.Code);
        Assert.Contains("octo-org/shop is not a private repository", warning.Message);
        Assert.DoesNotContain(PublisherFixture.AccessToken, fixture.GitHub.Comments.Single().Body);
        Assert.DoesNotContain(PublisherFixture.AccessToken, fixture.StepSummary);
    }

    [TestMethod]
    [DataRow(HttpStatusCode.InternalServerError, "PREVIEW5050", "HTTP 500 Internal Server Error (Server Error)")]
    [DataRow(HttpStatusCode.Unauthorized, "PREVIEW5051", "HTTP 401 Unauthorized (Bad credentials)")]
    [DataRow(HttpStatusCode.Forbidden, "PREVIEW5051", "HTTP 403 Forbidden")]
    [DataRow(HttpStatusCode.NotFound, "PREVIEW5052", "HTTP 404 Not Found")]
    public async Task FailingApi_IsACodedWarning_AndTheStepSummaryIsStillWritten(HttpStatusCode status, string code, string answer)
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.GitHub.FailWith = status;
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();

        var warning = fixture.Reporter.Diagnostics.Single();
        Assert.AreEqual(code, warning.Code, warning.Message);
        Assert.IsFalse(warning.IsError);
        Assert.Contains("pr-42", warning.Message);
        Assert.Contains(answer, warning.Message);
        Assert.AreEqual(fixture.ProjectPath, warning.File);
        Assert.Contains("### Preview `pr-42` (lightweight)", fixture.StepSummary);
    }

    [TestMethod]
    public async Task WrongToken_IsPREVIEW5051()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.Variables["GITHUB_TOKEN"] = "ghs_revoked";
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();

        Assert.AreEqual("PREVIEW5051", fixture.Reporter.Diagnostics.Single().Code);
        Assert.IsEmpty(fixture.GitHub.Comments);
    }

    [TestMethod]
    public async Task UnreachableApi_IsPREVIEW5053()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.Variables["GITHUB_API_URL"] = $"http://127.0.0.1:{ClosedPort()}/api/v3";
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();

        var warning = fixture.Reporter.Diagnostics.Single();
        Assert.AreEqual("PREVIEW5053", warning.Code, warning.Message);
        Assert.Contains("/api/v3/", warning.Message);
    }

    [TestMethod]
    public async Task ApiThatDoesNotAnswer_IsPREVIEW5053_AfterTheRequestTimeout()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        var delay = TimeSpan.FromSeconds(60);
        fixture.GitHub.Delay = delay;
        fixture.WriteRunningEnvironment();
        var stopwatch = Stopwatch.StartNew();

        fixture.PublishUp(limits: PublishingLimits.Default with { RequestTimeout = TimeSpan.FromSeconds(1), TotalTimeout = TimeSpan.FromSeconds(5) });

        Assert.IsLessThan(delay, stopwatch.Elapsed, "Publishing waited for the API instead of giving up.");
        var warning = fixture.Reporter.Diagnostics.Single();
        Assert.AreEqual("PREVIEW5053", warning.Code, warning.Message);
        Assert.Contains("no answer in time", warning.Message);
    }

    [TestMethod]
    public async Task UnwritableStepSummary_IsPREVIEW5054_AndTheCommentIsStillWritten()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.Variables["GITHUB_STEP_SUMMARY"] = fixture.StateRoot; // a folder, not a file
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();

        Assert.AreEqual("PREVIEW5054", fixture.Reporter.Diagnostics.Single().Code);
        Assert.HasCount(1, fixture.GitHub.Comments);
    }

    [TestMethod]
    public async Task Down_AfterTheEnvironmentExpired_StillMarksTheCommentDown()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();
        fixture.PublishUp();
        Directory.Delete(fixture.Folder, recursive: true); // what an expiring app host leaves: no state folder

        fixture.PublishDown();

        Assert.Contains("is down", fixture.GitHub.Comments.Single().Body);
    }

    [TestMethod]
    public async Task Down_WithoutToken_KeepsTheRecordForALaterDown()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();
        fixture.PublishUp();
        fixture.Variables.Remove("GITHUB_TOKEN");

        fixture.PublishDown();

        Assert.Contains("still shows its links: no GITHUB_TOKEN", fixture.Reporter.Messages.Last());
        Assert.HasCount(1, fixture.Store.Find(fixture.ProjectPath, PublisherFixture.Environment));
        fixture.Variables["GITHUB_TOKEN"] = GitHubApiStandIn.AcceptedToken;
        fixture.PublishDown();
        Assert.Contains("is down", fixture.GitHub.Comments.Single().Body);
    }

    [TestMethod]
    public async Task Down_NeverCreatesAComment()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.WriteRunningEnvironment();
        fixture.GitHub.FailWith = HttpStatusCode.BadGateway; // the comment was never written, the record was
        fixture.PublishUp();
        fixture.GitHub.FailWith = null;

        fixture.PublishDown();

        Assert.IsEmpty(fixture.GitHub.Comments);
        Assert.AreEqual("Preview 'pr-42' has no comment on octo-org/shop#42 to update.", fixture.Reporter.Messages.Last());
    }

    [TestMethod]
    public async Task NoPullRequest_WritesOnlyTheStepSummary()
    {
        await using var fixture = await PublisherFixture.StartAsync();
        fixture.Variables.Remove("GITHUB_EVENT_PATH");
        fixture.WriteRunningEnvironment();

        fixture.PublishUp();

        Assert.IsEmpty(fixture.GitHub.Requests);
        Assert.Contains("### Preview `pr-42`", fixture.StepSummary);
        Assert.IsFalse(Directory.Exists(fixture.Store.Folder));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
