using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Tests;
using PreviewSdk.Publishing.Context;

namespace PreviewSdk.Publishing.Tests.Context;

[TestClass]
public sealed class PublishingContextResolverTests
{
    private const string Project = "/repo/preview/Shop.Preview.csproj";

    [TestMethod]
    public void GitHubActionsPullRequestRun_HasTheStepSummaryAndThePullRequest()
    {
        using var folder = new TempFolder();
        var variables = Actions(folder, """{ "pull_request": { "number": 42 } }""");
        variables[CiVariables.ApiUrl] = "https://github.example.com/api/v3";
        var diagnostics = new List<PreviewDiagnostic>();

        var context = PublishingContextResolver.ForStart(Read(variables), null, false, Project, diagnostics);

        Assert.IsEmpty(diagnostics);
        Assert.AreEqual(folder.PathOf("summary.md"), context.StepSummaryPath);
        Assert.AreEqual("octo-org/shop#42", context.PullRequest?.ToString());
        // The trailing slash keeps /api/v3 in every request Octokit makes.
        Assert.AreEqual("https://github.example.com/api/v3/", context.PullRequest!.Repository.ApiUrl.ToString());
        Assert.AreEqual("ghs_token", context.Token);
        Assert.IsFalse(context.IncludeToken);
    }

    [TestMethod]
    public void PreviewPullRequest_WinsOverTheEvent_AndTheApiDefaultsToGitHub()
    {
        using var folder = new TempFolder();
        var variables = Actions(folder, """{ "pull_request": { "number": 42 } }""");

        var context = PublishingContextResolver.ForStart(Read(variables), 7, false, Project, new List<PreviewDiagnostic>());

        Assert.AreEqual(7, context.PullRequest?.Number);
        Assert.AreEqual("https://api.github.com/", context.PullRequest!.Repository.ApiUrl.ToString());
    }

    [TestMethod]
    public void OutsideGitHubActions_ThereIsNoStepSummary_ButAPullRequestFromTheProperty()
    {
        var variables = new Dictionary<string, string?>
        {
            [CiVariables.StepSummary] = "/tmp/summary.md",
            [CiVariables.Repository] = "octo-org/shop",
            [CiVariables.Token] = "ghs_token",
        };

        var context = PublishingContextResolver.ForStart(Read(variables), 9, false, Project, new List<PreviewDiagnostic>());

        Assert.IsNull(context.StepSummaryPath);
        Assert.AreEqual("octo-org/shop#9", context.PullRequest?.ToString());
    }

    [TestMethod]
    public void NoCiAtAll_PublishesNothing_AndSaysNothing()
    {
        var diagnostics = new List<PreviewDiagnostic>();

        var context = PublishingContextResolver.ForStart(_ => null, null, false, Project, diagnostics);

        Assert.IsTrue(context.IsEmpty);
        Assert.IsEmpty(diagnostics);
    }

    [TestMethod]
    public void PushRun_HasOnlyTheStepSummary()
    {
        using var folder = new TempFolder();
        var diagnostics = new List<PreviewDiagnostic>();

        var context = PublishingContextResolver.ForStart(Read(Actions(folder, """{ "ref": "refs/heads/main" }""")), null, false, Project, diagnostics);

        Assert.IsNotNull(context.StepSummaryPath);
        Assert.IsNull(context.PullRequest);
        Assert.IsEmpty(diagnostics);
    }

    [TestMethod]
    public void PullRequestWithoutToken_IsPREVIEW5056_NamingTheMissingVariable()
    {
        using var folder = new TempFolder();
        var variables = Actions(folder, """{ "pull_request": { "number": 42 } }""");
        variables.Remove(CiVariables.Token);
        var diagnostics = new List<PreviewDiagnostic>();

        var context = PublishingContextResolver.ForStart(Read(variables), null, false, Project, diagnostics);

        Assert.IsNull(context.PullRequest);
        Assert.IsNotNull(context.StepSummaryPath, "The step summary does not need the token.");
        var warning = diagnostics.Single();
        Assert.AreEqual("PREVIEW5056", warning.Code);
        Assert.IsFalse(warning.IsError);
        Assert.Contains("#42", warning.Message);
        Assert.Contains("GITHUB_TOKEN", warning.Message);
        Assert.Contains("${{ github.token }}", warning.Message);
        Assert.AreEqual(Project, warning.File);
    }

    [TestMethod]
    public void UnreadableEventFile_IsPREVIEW5055_OnTheEventFile()
    {
        using var folder = new TempFolder();
        var variables = Actions(folder, "{ not json");
        var diagnostics = new List<PreviewDiagnostic>();

        var context = PublishingContextResolver.ForStart(Read(variables), null, false, Project, diagnostics);

        Assert.IsNull(context.PullRequest);
        var warning = diagnostics.Single();
        Assert.AreEqual("PREVIEW5055", warning.Code);
        Assert.AreEqual(folder.PathOf("event.json"), warning.File);
    }

    [TestMethod]
    public void MissingEventFile_IsPREVIEW5055()
    {
        using var folder = new TempFolder();
        var variables = Actions(folder, "{}");
        variables[CiVariables.EventPath] = folder.PathOf("gone.json");
        var diagnostics = new List<PreviewDiagnostic>();

        PublishingContextResolver.ForStart(Read(variables), null, false, Project, diagnostics);

        Assert.AreEqual("PREVIEW5055", diagnostics.Single().Code);
    }

    [TestMethod]
    [DataRow(CiVariables.Repository, "shop")]
    [DataRow(CiVariables.Repository, "octo-org/shop/extra")]
    [DataRow(CiVariables.Repository, "octo org/shop")]
    [DataRow(CiVariables.ApiUrl, "api.github.com")]
    [DataRow(CiVariables.ApiUrl, "ftp://github.example.com/api/v3")]
    public void UnusableVariable_IsPREVIEW5057_AndNoComment(string variable, string value)
    {
        using var folder = new TempFolder();
        var variables = Actions(folder, """{ "pull_request": { "number": 42 } }""");
        variables[variable] = value;
        var diagnostics = new List<PreviewDiagnostic>();

        var context = PublishingContextResolver.ForStart(Read(variables), null, false, Project, diagnostics);

        Assert.IsNull(context.PullRequest);
        var warning = diagnostics.Single();
        Assert.AreEqual("PREVIEW5057", warning.Code);
        Assert.StartsWith($"{variable} is '{value}'", warning.Message);
    }

    [TestMethod]
    public void ForStop_TakesOnlyTheStepSummaryAndTheToken()
    {
        using var folder = new TempFolder();

        var context = PublishingContextResolver.ForStop(Read(Actions(folder, """{ "pull_request": { "number": 42 } }""")));

        Assert.AreEqual(folder.PathOf("summary.md"), context.StepSummaryPath);
        Assert.AreEqual("ghs_token", context.Token);
        Assert.IsNull(context.PullRequest, "Down edits the comment recorded at start, whatever this run's event is.");
    }

    [TestMethod]
    public void ToString_NeverShowsTheToken()
    {
        using var folder = new TempFolder();

        var context = PublishingContextResolver.ForStart(Read(Actions(folder, """{ "pull_request": { "number": 42 } }""")), null, true, Project, new List<PreviewDiagnostic>());

        Assert.DoesNotContain("ghs_token", context.ToString()!);
        Assert.DoesNotContain("ghs_token", context.PullRequest!.ToString());
    }

    private static Dictionary<string, string?> Actions(TempFolder folder, string eventPayload) => new()
    {
        [CiVariables.Actions] = "true",
        [CiVariables.StepSummary] = folder.PathOf("summary.md"),
        [CiVariables.EventPath] = folder.Write(eventPayload, "event.json"),
        [CiVariables.Repository] = "octo-org/shop",
        [CiVariables.Token] = "ghs_token",
    };

    private static Func<string, string?> Read(IReadOnlyDictionary<string, string?> variables) =>
        name => variables.GetValueOrDefault(name);
}
