using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Tests;
using PreviewSdk.Core.Tests.Environments;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.GitHub;
using PreviewSdk.Publishing.Runs;
using PreviewSdk.Publishing.Tests.StandIn;

namespace PreviewSdk.Publishing.Tests.Runs;

/// <summary>
/// One environment's state folder, as a running environment has it (environment.json, links.json), a GitHub
/// Actions run's variables and the GitHub API stand-in they point at.
/// </summary>
internal sealed class PublisherFixture : IAsyncDisposable
{
    public const string Environment = "pr-42";
    public const string AccessToken = "f3c1e0a9b7d54c2e8a61d0b9c4e7f2a1";
    public const string DashboardToken = "94befd01449b9f1a14dc6bbdc9cebe23";

    private readonly TempFolder temp = new();

    private PublisherFixture(GitHubApiStandIn github)
    {
        GitHub = github;
        Variables = new Dictionary<string, string?>
        {
            [CiVariables.Actions] = "true",
            [CiVariables.StepSummary] = temp.PathOf("step-summary.md"),
            [CiVariables.EventPath] = temp.Write($$"""{ "action": "opened", "pull_request": { "number": {{GitHubApiStandIn.PullRequest}} } }""", "event.json"),
            [CiVariables.Repository] = GitHubApiStandIn.Repository,
            [CiVariables.ApiUrl] = github.ApiUrl,
            [CiVariables.Token] = GitHubApiStandIn.AcceptedToken,
        };
    }

    public GitHubApiStandIn GitHub { get; }

    public RecordingReporter Reporter { get; } = new();

    /// <summary>The CI's environment variables; a test changes them before it resolves a context.</summary>
    public Dictionary<string, string?> Variables { get; }

    public string StateRoot => temp.PathOf("state");

    public string Folder => Path.Combine(StateRoot, "shop", Environment);

    public string ProjectPath => temp.PathOf("preview", "Shop.Preview.csproj");

    public string StepSummary => File.Exists(temp.PathOf("step-summary.md")) ? File.ReadAllText(temp.PathOf("step-summary.md")) : string.Empty;

    public PublicationStore Store => new(StateRoot);

    public static async Task<PublisherFixture> StartAsync() => new(await GitHubApiStandIn.StartAsync());

    /// <summary>Writes the state of a ready environment whose links have a token-bearing directory link and dashboard link.</summary>
    public void WriteRunningEnvironment()
    {
        StateJson.Write(Path.Combine(Folder, StateFiles.Record), new EnvironmentRecord
        {
            Name = Environment,
            App = "shop",
            Profile = "lightweight",
            EnvironmentId = Guid.NewGuid().ToString("N"),
            HostProcessId = 0,
            StartedAt = DateTimeOffset.UtcNow,
            ProjectPath = ProjectPath,
            DashboardUrl = "http://127.0.0.1:35269",
            Branch = "feature/cart",
            ExpiresAt = DateTimeOffset.UtcNow.AddHours(8),
        });
        StateJson.Write(Path.Combine(Folder, StateFiles.LinksJson), new EnvironmentLinks
        {
            Environment = Environment,
            Profile = "lightweight",
            ReadyAt = DateTimeOffset.UtcNow,
            Directory = "http://pr-42.localhost:7400/",
            SharedLink = $"http://pr-42.localhost:7400/?preview_token={AccessToken}",
            Dashboard = $"http://127.0.0.1:35269/login?t={DashboardToken}",
            Services = [new ServiceLink("shop-web", "http://shop-web.pr-42.localhost:7400/")],
        });
    }

    public void PublishUp(bool includeToken = false, PublishingLimits? limits = null)
    {
        var diagnostics = new List<PreviewDiagnostic>();
        var context = PublishingContextResolver.ForStart(name => Variables.GetValueOrDefault(name), null, includeToken, ProjectPath, diagnostics);
        diagnostics.ForEach(Reporter.Report);
        new EnvironmentPublisher(Reporter, limits).PublishUp(context, StateRoot, Folder);
    }

    public void PublishDown() =>
        new EnvironmentPublisher(Reporter).PublishDown(PublishingContextResolver.ForStop(name => Variables.GetValueOrDefault(name)), StateRoot, ProjectPath, Environment);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        temp.Dispose();
    }
}
