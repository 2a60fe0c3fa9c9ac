using System.Text.Json;
using PreviewSdk.Publishing.Context;

namespace PreviewSdk.Publishing.Tests.Context;

[TestClass]
public sealed class GitHubEventFileTests
{
    [TestMethod]
    public void PullRequestEvent_IsItsPullRequestNumber()
    {
        // The shape GitHub writes for pull_request (and pull_request_target) events, shortened.
        const string payload = """
            { "action": "synchronize", "number": 42,
              "pull_request": { "number": 42, "head": { "ref": "feature/cart" }, "base": { "ref": "main" } },
              "repository": { "full_name": "octo-org/shop", "private": true } }
            """;

        Assert.AreEqual(42, GitHubEventFile.FindPullRequest(payload));
    }

    [TestMethod]
    public void IssueCommentOnAPullRequest_IsTheIssueNumber()
    {
        const string payload = """
            { "action": "created",
              "issue": { "number": 7, "pull_request": { "url": "https://api.github.com/repos/octo-org/shop/pulls/7" } },
              "comment": { "body": "/preview" } }
            """;

        Assert.AreEqual(7, GitHubEventFile.FindPullRequest(payload));
    }

    [TestMethod]
    public void IssueCommentOnAPlainIssue_IsNoPullRequest()
    {
        Assert.IsNull(GitHubEventFile.FindPullRequest("""{ "action": "created", "issue": { "number": 7 } }"""));
    }

    [TestMethod]
    public void PushEvent_IsNoPullRequest()
    {
        Assert.IsNull(GitHubEventFile.FindPullRequest("""{ "ref": "refs/heads/main", "after": "0123abc", "commits": [] }"""));
    }

    [TestMethod]
    [DataRow("not json")]
    [DataRow("[1, 2]")]
    [DataRow("""{ "pull_request": { "number": "42" } }""")]
    [DataRow("""{ "pull_request": { "number": 0 } }""")]
    [DataRow("""{ "pull_request": { } }""")]
    public void BrokenPayload_Throws(string payload)
    {
        Assert.Throws<JsonException>(() => GitHubEventFile.FindPullRequest(payload), payload);
    }

    [TestMethod]
    public void ReadPullRequest_ReadsTheFile()
    {
        using var folder = new PreviewSdk.Core.Tests.TempFolder();
        var path = folder.Write("""{ "pull_request": { "number": 1234 } }""", "event.json");

        Assert.AreEqual(1234, GitHubEventFile.ReadPullRequest(path));
    }
}
