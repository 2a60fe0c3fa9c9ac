using PreviewSdk.EndToEnd.Tests.Workspaces;
using PreviewSdk.Publishing.Tests.StandIn;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The variables of a GitHub Actions job run for a pull request (event file, step summary file, repository, token),
/// pointing at the local stand-in of GitHub's API: what a build under a <c>pull_request</c> workflow sees.
/// </summary>
internal sealed class GitHubActionsRun : IAsyncDisposable
{
    private readonly TempFolder folder = new("previewsdk-e2e-actions-");

    private GitHubActionsRun(GitHubApiStandIn github)
    {
        GitHub = github;
        Variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = folder.Write("step-summary.md", string.Empty),
            ["GITHUB_EVENT_PATH"] = folder.Write("event.json", $$"""{ "action": "opened", "number": {{GitHubApiStandIn.PullRequest}}, "pull_request": { "number": {{GitHubApiStandIn.PullRequest}} } }"""),
            ["GITHUB_REPOSITORY"] = GitHubApiStandIn.Repository,
            ["GITHUB_API_URL"] = github.ApiUrl,
            ["GITHUB_TOKEN"] = GitHubApiStandIn.AcceptedToken,
            // The runner kills every process that carries its job's id when the job ends.
            ["RUNNER_TRACKING_ID"] = TrackingId,
        };
    }

    /// <summary>The id a GitHub Actions runner gives the processes of a job (<c>RUNNER_TRACKING_ID</c>).</summary>
    public const string TrackingId = "github_e2e_0d9c8b7a";

    /// <summary>The stand-in the run's <c>GITHUB_API_URL</c> points at.</summary>
    public GitHubApiStandIn GitHub { get; }

    /// <summary>The job's variables, for the child builds.</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; }

    /// <summary>What the builds appended to the step summary so far.</summary>
    public string StepSummary => File.ReadAllText(folder.PathOf("step-summary.md"));

    public static async Task<GitHubActionsRun> StartAsync() => new(await GitHubApiStandIn.StartAsync());

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        folder.Dispose();
    }
}
