using System.Net;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;
using PreviewSdk.Publishing.Tests.StandIn;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// The real -t:Preview and -t:PreviewDown of a small environment under GitHub Actions' variables, with GitHub's API
/// played by the local stand-in: the step summary, one pull request comment created, edited and marked down, and a
/// failing API that only warns.
/// </summary>
[TestClass]
public sealed class PullRequestCommentTests(TestContext testContext)
{
    private const string Marker = "<!-- previewsdk app=prcomment environment=";

    [TestMethod]
    public async Task PreviewUnderGitHubActions_WritesTheStepSummaryAndOneCommentThatPreviewDownMarksDown()
    {
        await using var actions = await GitHubActionsRun.StartAsync();
        using var workspace = new TempFolder("previewsdk-e2e-prcomment-");
        ProbeProjects.WriteProbe(workspace);
        var project = ProbeProjects.WritePreviewFromSource(workspace, "Comment.Preview", """
            app: prcomment
            services:
              probe: {}
            """);
        using var preview = new PreviewUnderTest(project, "prcomment", "prc", testContext);

        // GitHub fails while the environment starts: a warning, and the preview is up all the same.
        actions.GitHub.FailWith = HttpStatusCode.BadGateway;
        var up = preview.Preview(environment: actions.Variables);
        Assert.AreEqual(0, up.ExitCode, up.ToString());
        Assert.Contains("warning PREVIEW5050: The pull request comment of preview '" + preview.Name + "' on octo-org/shop#42 was not written: GitHub answered HTTP 502", up.Output, up.ToString());
        Assert.IsEmpty(actions.GitHub.Comments);
        var links = preview.ReadLinks();
        var summary = actions.StepSummary;
        Assert.StartsWith($"### Preview `{preview.Name}` (lightweight)\n\nOpen <{links.Directory}>: it asks for the environment's access token, which is not published here", summary);
        Assert.Contains($"| probe | <{links.Services.Single().Url}> |", summary);
        var accessToken = StateFiles.ReadToken(preview.StateFolder);
        Assert.Contains(accessToken, links.SharedLink, "The shared link carries the access token.");
        Assert.DoesNotContain(accessToken, summary, "No token in the step summary by default.");
        Assert.DoesNotContain(accessToken, up.Output, "No token in a CI log.");
        var hostEnvironment = File.ReadAllText($"/proc/{preview.ReadEnvironment().HostProcessId}/environ");
        Assert.DoesNotContain(GitHubActionsRun.TrackingId, hostEnvironment, "The runner would kill the environment when the job ends.");

        // GitHub answers again: the next run (the environment is already up) creates the comment, the one after edits it.
        actions.GitHub.FailWith = null;
        var again = preview.Preview(environment: actions.Variables);
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        Assert.Contains($"Commented the links of preview '{preview.Name}' on octo-org/shop#42", again.Output, again.ToString());
        var comment = actions.GitHub.Comments.Single();
        Assert.StartsWith($"{Marker}{preview.Name} -->\n### Preview `{preview.Name}` (lightweight)", comment.Body);
        Assert.Contains($"| probe | <{links.Services.Single().Url}> |", comment.Body);
        Assert.DoesNotContain(accessToken, comment.Body, "No token in the comment by default.");

        var third = preview.Preview(environment: actions.Variables);
        Assert.AreEqual(0, third.ExitCode, third.ToString());
        Assert.Contains($"Updated the comment of preview '{preview.Name}' on octo-org/shop#42", third.Output, third.ToString());
        Assert.AreEqual((comment.Id, 1), (actions.GitHub.Comments.Single().Id, actions.GitHub.Comments.Single().Edits));

        var down = preview.Down(actions.Variables);
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        var final = actions.GitHub.Comments.Single();
        Assert.AreEqual((comment.Id, 2), (final.Id, final.Edits));
        Assert.StartsWith($"{Marker}{preview.Name} -->\n### Preview `{preview.Name}` is down\n", final.Body);
        Assert.Contains($"### Preview `{preview.Name}` is down", actions.StepSummary);
        foreach (var output in new[] { up.Output, again.Output, third.Output, down.Output })
        {
            Assert.DoesNotContain(GitHubApiStandIn.AcceptedToken, output, "The GitHub token never reaches the build log.");
        }

        Assert.IsFalse(Directory.Exists(Path.Combine(preview.StateRoot, "publications")) && Directory.EnumerateFiles(Path.Combine(preview.StateRoot, "publications")).Any(),
            "The publication record goes once the comment says down.");
    }
}
