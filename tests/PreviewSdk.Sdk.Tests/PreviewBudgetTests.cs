using System.Diagnostics;

namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// Team budgets and time to live as a build reports them: a refusal before anything starts, coded and naming the
/// environments that hold the budget; PreviewExtend's errors. Nothing here starts an environment.
/// </summary>
[TestClass]
public sealed class PreviewBudgetTests
{
    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void Preview_TheTeamsBudgetIsHeld_ReportsPreview2007WithTheHoldersAndStartsNothing()
    {
        var project = ServiceProject("Budget.Preview", "app: demo\nteam: ops\nbudget: { environments: 1, memory: 4Gi }\n");
        var stateRoot = Directory.CreateTempSubdirectory("previewsdk-sdk-budget-").FullName;
        var environmentId = Guid.NewGuid().ToString("N");
        using var holder = StartHolder(environmentId);
        try
        {
            // Another app of team ops runs (a real process carrying its id stands in for its app host).
            var holderFolder = Path.Combine(stateRoot, "blog", "feature-x");
            Directory.CreateDirectory(holderFolder);
            File.WriteAllText(Path.Combine(holderFolder, "environment.json"), $$"""
                {
                  "name": "feature-x", "app": "blog", "profile": "lightweight", "environmentId": "{{environmentId}}",
                  "hostProcessId": {{holder.Id}}, "startedAt": "{{DateTimeOffset.UtcNow.AddMinutes(-42):O}}",
                  "owner": "Grace Hopper", "dashboardUrl": "http://127.0.0.1:1", "state": "running",
                  "team": "ops", "cpus": 1, "memoryBytes": 1073741824, "expiresAt": "{{DateTimeOffset.UtcNow.AddHours(3):O}}"
                }
                """);

            var result = Workspace.Build(project, "-t:Preview", $"-p:PreviewStateRoot={stateRoot}");

            var error = result.AssertSingleError("PREVIEW2007");
            var manifest = Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml");
            Assert.AreEqual(manifest, error.File, result.Describe());
            Assert.AreEqual(
                $"Preview 'local' would exceed the budget of team 'ops' (1 environment, 4Gi memory, set in {manifest}): 1 of 1 environments run. " +
                $"The environments that hold it follow. Fix: stop one of them (-t:PreviewDown -p:PreviewName=<name> in its project), wait until one expires, or raise the team's budget in {manifest}.",
                error.Message);
            Assert.MatchesRegex(@"(?m)^\s+feature-x  app=blog  owner=Grace Hopper  age=4\dm  expires=in 2h5\dm  cpu 1, memory 1Gi\s*$", result.Output, result.Describe());
            Assert.IsFalse(Directory.Exists(Path.Combine(stateRoot, "demo")), "The refused start left a state folder. " + result.Describe());
            Assert.IsFalse(holder.HasExited, "The refusal stopped the environment that holds the budget.");
        }
        finally
        {
            Directory.Delete(stateRoot, recursive: true);
        }
    }

    [TestMethod]
    public void Preview_InvalidTtlOrTeam_ReportsPreview1019BeforeStartingAnything()
    {
        var project = ServiceProject("Ttl.Preview", "app: demo\n");

        var result = Workspace.Build(project, "-t:Preview", "-p:PreviewTtl=10", "-p:PreviewTeam=Ops Team");

        Assert.AreNotEqual(0, result.ExitCode, result.Describe());
        Assert.HasCount(2, result.Errors, result.Describe());
        Assert.IsTrue(result.Errors.All(error => error.Code == "PREVIEW1019" && error.File == project), result.Describe());
        Assert.StartsWith("The property PreviewTtl is '10', which is not a duration such as 30m, 2h, 1h30m or 2d", result.Errors[0].Message);
        Assert.StartsWith("The property PreviewTeam is 'Ops Team', which is not a team name", result.Errors[1].Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Preview_InvalidTemplatesSwitchRetentionOrPerServer_ReportsPreview1019BeforeStartingAnything()
    {
        var project = ServiceProject("Templates.Preview", "app: demo\n");

        var result = Workspace.Build(project, "-t:Preview", "-p:PreviewTemplates=maybe", "-p:PreviewTemplateRetention=7", "-p:PreviewTemplatesPerServer=0");

        Assert.AreNotEqual(0, result.ExitCode, result.Describe());
        Assert.HasCount(3, result.Errors, result.Describe());
        Assert.IsTrue(result.Errors.All(error => error.Code == "PREVIEW1019" && error.File == project), result.Describe());
        Assert.StartsWith("The property PreviewTemplates is 'maybe', which is not true or false", result.Errors[0].Message);
        Assert.StartsWith("The property PreviewTemplateRetention is '7', which is not a duration such as 7d", result.Errors[1].Message);
        Assert.StartsWith("The property PreviewTemplatesPerServer is '0', which is not a whole number from 1 to 100", result.Errors[2].Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Preview_MissingBudgetFile_ReportsPreview2009AtTheFile()
    {
        var project = ServiceProject("BudgetFile.Preview", "app: demo\n");
        var budgetFile = Path.Combine(Workspace.Root, "no-such-budgets.yaml");

        var result = Workspace.Build(project, "-t:Preview", $"-p:PreviewBudgetFile={budgetFile}");

        var error = result.AssertSingleError("PREVIEW2009");
        Assert.AreEqual(budgetFile, error.File, result.Describe());
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void PreviewExtend_NoSuchEnvironment_ReportsPreview2012WithoutBuilding()
    {
        var project = ServiceProject("Extend.Preview", "app: demo\n");

        var result = Workspace.Build(project, "-t:PreviewExtend", "-p:PreviewTtl=2h", "-p:PreviewName=gone");

        var error = result.AssertSingleError("PREVIEW2012");
        Assert.AreEqual(project, error.File, result.Describe());
        Assert.StartsWith("Preview 'gone' of Extend.Preview.csproj is not running, so its time to live cannot be extended.", error.Message);
        Assert.IsFalse(File.Exists(TestWorkspace.AppHostAssembly(project)), "PreviewExtend built the project.");
    }

    // A live process carrying the environment id is what makes a recorded environment count as running.
    private static Holder StartHolder(string environmentId)
    {
        var start = new ProcessStartInfo("sleep", ["300"]) { UseShellExecute = false };
        start.Environment["PREVIEW_ENVIRONMENT_ID"] = environmentId;
        return new Holder(Process.Start(start)!);
    }

    private sealed class Holder(Process process) : IDisposable
    {
        public int Id => process.Id;

        public bool HasExited => process.HasExited;

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }
    }

    private static string ServiceProject(string name, string manifest)
    {
        var from = Path.Combine(Workspace.Root, name, name + ".csproj");
        return Workspace.PreviewProject(name, $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
              </ItemGroup>
            """, manifest);
    }
}
