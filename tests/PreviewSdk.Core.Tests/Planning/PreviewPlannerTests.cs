using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Planning;

/// <summary>Plans that succeed, and the problems with the manifest file itself.</summary>
[TestClass]
public sealed class PreviewPlannerTests
{
    [TestMethod]
    public void Plan_FullManifest_ResolvesTheExactPlan()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Web")
            .Reference("Shop.Api")
            .Reference("Shop.Worker", isWeb: false)
            .Manifest("""
                app: shop
                dependencies:
                  postgres:
                    type: postgres
                    databases: [shopdb, ordersdb]
                  cache:
                    type: redis
                services:
                  shop-api:
                    health: /healthz
                    replicas: 2
                    env:
                      Shop__PageSize: 20
                      Shop__Debug: true
                    uses: [shopdb, cache]
                  web:
                    project: Shop.Web
                    uses: [shop-api, postgres, ordersdb]
                  shop-worker:
                    uses: [cache, shop-api]
                """);

        var result = workspace.Plan();

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        Assert.IsNotNull(result.Plan);
        Assert.AreEqual(
            $"""
            app shop
            dependency postgres Postgres databases=[shopdb, ordersdb]
            dependency cache Redis databases=[]
            service web project={workspace.ProjectPath("Shop.Web")} web=True health=/health replicas=1
              env []
              uses [shop-api:Service, postgres:Dependency, ordersdb:Database]
            service shop-api project={workspace.ProjectPath("Shop.Api")} web=True health=/healthz replicas=2
              env [Shop__PageSize=20, Shop__Debug=true]
              uses [shopdb:Database, cache:Dependency]
            service shop-worker project={workspace.ProjectPath("Shop.Worker")} web=False health=none replicas=1
              env []
              uses [cache:Dependency, shop-api:Service]
            """.ReplaceLineEndings("\n"),
            PlanText.Render(result.Plan));
    }

    [TestMethod]
    public void Plan_EmptyManifest_MakesEveryRunnableReferenceAServiceWithDefaults()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Reference("Shop.Worker", isWeb: false)
            .Manifest(string.Empty);

        var result = workspace.Plan(defaultAppName: "Shop.Preview");

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        Assert.AreEqual(
            $"""
            app shop-preview
            service shop-api project={workspace.ProjectPath("Shop.Api")} web=True health=/health replicas=1
              env []
              uses []
            service shop-worker project={workspace.ProjectPath("Shop.Worker")} web=False health=none replicas=1
              env []
              uses []
            """.ReplaceLineEndings("\n"),
            PlanText.Render(result.Plan!));
    }

    [TestMethod]
    public void Plan_MissingManifest_IsPreview1001OnThePreviewProject()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        DiagnosticAssert.Exactly(result.Diagnostics, workspace.PreviewProjectPath, (DiagnosticCodes.ManifestNotFound, 0, 0));
        Assert.Contains(workspace.ManifestPath, result.Diagnostics[0].Message);
        Assert.Contains("Fix: create preview.yaml next to the preview project, or set the PreviewManifest property", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_LockedManifest_IsPreview1015()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Manifest("app: shop\n");

        // An exclusive open makes reading fail the way a file held by an editor or antivirus does.
        using (new FileStream(workspace.ManifestPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var result = workspace.Plan();

            Assert.IsNull(result.Plan);
            DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath, (DiagnosticCodes.ManifestUnreadable, 0, 0));
        }
    }

    [TestMethod]
    public void Plan_InvalidYaml_ReportsOnlyTheSyntaxError()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("1Password", isRunnable: true)
            .Manifest("services:\n  shop-api: [\n");

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        Assert.AreEqual(DiagnosticCodes.InvalidYaml, DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.InvalidYaml).Code);
        Assert.HasCount(1, result.Diagnostics);
    }

    [TestMethod]
    public void Plan_ProjectKey_RenamesTheService()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("1Password.Api")
            .Manifest("services:\n  password-api:\n    project: ../src/1Password.Api/1Password.Api.csproj\n");

        var result = workspace.Plan();

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        Assert.AreEqual("password-api", result.Plan!.Services.Single().Name);
    }

    [TestMethod]
    public void Plan_DefaultAppName_IsNormalizedAndValidated()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Manifest(string.Empty);

        Assert.AreEqual("my-shop-preview", workspace.Plan(defaultAppName: "My_Shop.Preview").Plan!.AppName);

        var invalid = workspace.Plan(defaultAppName: "1Shop");
        DiagnosticAssert.Exactly(invalid.Diagnostics, workspace.PreviewProjectPath, (DiagnosticCodes.InvalidValue, 0, 0));
        Assert.Contains("Fix: set app: in preview.yaml", invalid.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_RepeatedUsesEntry_IsAWarningAndThePlanListsItOnce()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Manifest("dependencies:\n  cache:\n    type: redis\nservices:\n  shop-api:\n    uses: [cache, cache]\n");

        var result = workspace.Plan();

        var warning = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.RepeatedUsesEntry);
        Assert.AreEqual(DiagnosticSeverity.Warning, warning.Severity);
        DiagnosticAssert.At(warning, workspace.ManifestPath, 6, 19);
        Assert.IsFalse(result.HasErrors);
        Assert.IsNotNull(result.Plan);
        Assert.HasCount(1, result.Plan.Services[0].Uses);
    }

    [TestMethod]
    public void Plan_HealthFalse_TurnsOffTheDefaultCheckOfAWebProject()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Manifest("services:\n  shop-api:\n    health: false\n");

        var result = workspace.Plan();

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        Assert.IsNull(result.Plan!.Services.Single().HealthPath);
    }

    [TestMethod]
    public void Plan_FromReadManifest_NeedsNoManifestOnDisk()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");
        var read = Core.Manifest.ManifestReader.Read("preview.yaml", "services:\n  shop-api:\n    replicas: 3\n");

        var result = PreviewPlanner.Plan(read, workspace.PreviewProjectPath, "shop", workspace.Projects);

        Assert.AreEqual(3, result.Plan!.Services.Single().Replicas);
    }
}
