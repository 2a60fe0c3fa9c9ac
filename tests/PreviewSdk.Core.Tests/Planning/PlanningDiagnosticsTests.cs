using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Planning;

/// <summary>Problems found by checking preview.yaml against the ProjectReferences, each at its exact place.</summary>
[TestClass]
public sealed class PlanningDiagnosticsTests
{
    [TestMethod]
    public void Plan_InvalidNames_ArePreview1005AtEachName()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Manifest("""
                app: Shop
                dependencies:
                  My_DB:
                    type: postgres
                    databases: [ok, Bad]
                services:
                  Shop.Api:
                """);

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        DiagnosticAssert.Exactly(
            result.Diagnostics,
            workspace.ManifestPath,
            (DiagnosticCodes.InvalidValue, 1, 6),
            (DiagnosticCodes.InvalidValue, 3, 3),
            (DiagnosticCodes.InvalidValue, 5, 21),
            (DiagnosticCodes.InvalidValue, 7, 3));
        Assert.StartsWith(
            "'app' has the invalid value 'Shop'. Fix: use a name of lowercase letters, digits and single hyphens",
            result.Diagnostics[0].Message);
        Assert.StartsWith("'dependencies.My_DB.databases' has the invalid value 'Bad'.", result.Diagnostics[2].Message);
    }

    [TestMethod]
    public void Plan_AppNamedLikeAStateRootFolder_IsPreview1050WrittenOrDerived()
    {
        using var written = new PreviewWorkspace().Reference("Shop.Api").Manifest("app: failed\n");
        using var derived = new PreviewWorkspace().Reference("Shop.Api").Manifest(string.Empty);

        var fromManifest = written.Plan();
        var fromProject = derived.Plan(defaultAppName: "Locks");

        DiagnosticAssert.Exactly(fromManifest.Diagnostics, written.ManifestPath, (DiagnosticCodes.ReservedAppName, 1, 6));
        Assert.StartsWith("The app name 'failed' is reserved: the state root keeps its own folders under the names failed, locks.", fromManifest.Diagnostics[0].Message);
        Assert.AreEqual((DiagnosticCodes.ReservedAppName, derived.PreviewProjectPath), (fromProject.Diagnostics.Single().Code, fromProject.Diagnostics.Single().File));
    }

    [TestMethod]
    public void Plan_ProjectWhoseDerivedNameIsInvalid_IsPreview1005AtItsReference()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api").Reference("1Password.Api").Manifest(string.Empty);

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(result.Diagnostics, workspace.PreviewProjectPath, (DiagnosticCodes.InvalidValue, 4, 23));
        Assert.AreEqual(
            "'service name derived from 1Password.Api.csproj' has the invalid value '1password-api'. " +
            "Fix: name the service yourself: add a services: entry with a valid name as its key and 'project: 1Password.Api' in it.",
            result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_NameSharedByDependencyDatabaseAndService_IsPreview1006AtTheLaterOne()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Manifest("""
                dependencies:
                  shop-api:
                    type: redis
                  postgres:
                    type: postgres
                    databases: [postgres, cache]
                  cache:
                    type: redis
                """);

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        Assert.HasCount(3, result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        DiagnosticAssert.At(result.Diagnostics[0], workspace.ManifestPath, 6, 17);
        DiagnosticAssert.At(result.Diagnostics[1], workspace.ManifestPath, 7, 3);
        DiagnosticAssert.At(result.Diagnostics[2], workspace.PreviewProjectPath, 3, 23);
        Assert.IsTrue(result.Diagnostics.All(d => d.Code == DiagnosticCodes.DuplicateName));
        Assert.StartsWith("The name 'postgres' is already used by the dependency at preview.yaml(4,3).", result.Diagnostics[0].Message);
        Assert.StartsWith("The name 'cache' is already used by a database of 'postgres' at preview.yaml(6,27).", result.Diagnostics[1].Message);
        Assert.StartsWith("The name 'shop-api' is already used by the dependency at preview.yaml(2,3).", result.Diagnostics[2].Message);
    }

    [TestMethod]
    public void Plan_TwoReferencesDerivingOneName_IsPreview1006AtTheSecondReference()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api", folder: "A")
            .Reference("Shop.Web")
            .Reference("Shop.Api", folder: "B")
            .Reference("Shop_Api")
            .Manifest(string.Empty);

        var result = workspace.Plan();

        // The same file names also give Aspire one Projects.Shop_Api class for both (PREVIEW1020).
        DiagnosticAssert.Exactly(
            result.Diagnostics,
            workspace.PreviewProjectPath,
            (DiagnosticCodes.ProjectClassClash, 5, 23),
            (DiagnosticCodes.DuplicateName, 5, 23),
            (DiagnosticCodes.ProjectClassClash, 6, 23),
            (DiagnosticCodes.DuplicateName, 6, 23));
        Assert.StartsWith("The name 'shop-api' is already used by the service at Shop.Preview.csproj(3,23).", result.Diagnostics[1].Message);
    }

    [TestMethod]
    public void Plan_TwoProjectFilesGivingAspireOneClass_IsPreview1020EvenWhenTheServicesAreRenamed()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Api", folder: "Orders")
            .Reference("Api", folder: "Billing")
            .Manifest("services:\n  orders:\n    project: Orders/Api\n  billing:\n    project: Billing/Api.csproj\n");

        var result = workspace.Plan();

        Assert.IsNull(result.Plan, "Both services would run one project: the plan must not be built.");
        var clash = result.Diagnostics.Single(d => d.Code == DiagnosticCodes.ProjectClassClash);
        Assert.AreEqual(workspace.PreviewProjectPath, clash.File);
        Assert.AreEqual(4, clash.Line);
        StringAssert.Contains(clash.Message, "'Projects.Api'");
        StringAssert.Contains(clash.Message, "Fix: rename one of the two project files.");
    }

    [TestMethod]
    public void Plan_ServiceKeyMatchingNoReference_IsPreview1008WithTheKnownNames()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Reference("Shop.Web")
            .Manifest("services:\n  shop-apii:\n    replicas: 2\n");

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath, (DiagnosticCodes.UnmatchedService, 2, 3));
        Assert.AreEqual(
            "'shop-apii' in 'services' matches no ProjectReference of the preview project. Did you mean 'shop-api'? " +
            "Known: shop-api, shop-web. Fix: correct the name, or add a ProjectReference to that project in the preview project.",
            result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_ProjectMatchingNoReference_IsPreview1008AtTheValue()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Reference("Shop.Web")
            .Manifest("services:\n  api:\n    project: Shop.Apii\n");

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath, (DiagnosticCodes.UnmatchedService, 3, 14));
        Assert.StartsWith(
            "'Shop.Apii' in 'services.api.project' matches no ProjectReference of the preview project. Did you mean 'Shop.Api'? Known: Shop.Api, Shop.Web.",
            result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_UsesNamingNothing_IsPreview1009WithAHint()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Manifest("""
                dependencies:
                  postgres:
                    type: postgres
                    databases: [shopdb]
                services:
                  shop-api:
                    uses: [shopdbb, queue]
                """);

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            workspace.ManifestPath,
            (DiagnosticCodes.UnknownUsesName, 7, 12),
            (DiagnosticCodes.UnknownUsesName, 7, 21));
        Assert.AreEqual(
            "'shopdbb' in 'services.shop-api.uses' names no dependency, database or service. Did you mean 'shopdb'? " +
            "Known names: postgres, shopdb, shop-api. " +
            "Fix: correct the name, or declare it under dependencies: (or reference its project from the preview project).",
            result.Diagnostics[0].Message);
        Assert.DoesNotContain("Did you mean", result.Diagnostics[1].Message);
    }

    [TestMethod]
    public void Plan_ReferenceToALibrary_IsPreview1010AtItsIncludeAttribute()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Reference("Shop.Contracts", isRunnable: false)
            .Manifest("services:\n  shop-contracts:\n    replicas: 2\n");

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        DiagnosticAssert.Exactly(result.Diagnostics, workspace.PreviewProjectPath, (DiagnosticCodes.ProjectNotRunnable, 4, 23));
        Assert.StartsWith("The ProjectReference 'Shop.Contracts.csproj' is not a runnable project", result.Diagnostics[0].Message);
        Assert.Contains("PreviewService=\"false\"", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_ServiceUsingItself_IsPreview1011()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Manifest("services:\n  shop-api:\n    uses: [shop-api]\n");

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath, (DiagnosticCodes.UsesCycle, 3, 12));
        Assert.StartsWith("Services wait for each other in a cycle: shop-api -> shop-api;", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_ServicesUsingEachOtherInACycle_IsPreview1011NamingTheCycleOnce()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("A")
            .Reference("B")
            .Reference("C")
            .Reference("D")
            .Manifest("""
                services:
                  a:
                    uses: [b]
                  b:
                    uses: [c]
                  c:
                    uses: [a]
                  d:
                    uses: [a]
                """);

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath, (DiagnosticCodes.UsesCycle, 7, 12));
        Assert.StartsWith("Services wait for each other in a cycle: a -> b -> c -> a;", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_NoReferences_IsPreview1012OnThePreviewProject()
    {
        using var workspace = new PreviewWorkspace().Manifest("app: shop\n");

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        DiagnosticAssert.Exactly(result.Diagnostics, workspace.PreviewProjectPath, (DiagnosticCodes.NoRunnableServices, 0, 0));
    }

    [TestMethod]
    public void Plan_OnlyLibraries_IsPreview1010ForEachAndPreview1012()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Contracts", isRunnable: false)
            .Manifest(string.Empty);

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            workspace.PreviewProjectPath,
            (DiagnosticCodes.NoRunnableServices, 0, 0),
            (DiagnosticCodes.ProjectNotRunnable, 3, 23));
    }

    [TestMethod]
    public void Plan_TwoEntriesForOneReference_IsPreview1016()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Manifest("""
                services:
                  api:
                    project: Shop.Api
                  shop-api:
                    replicas: 2
                  other:
                    project: Shop.Api.csproj
                """);

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            workspace.ManifestPath,
            (DiagnosticCodes.ProjectMappedTwice, 4, 3),
            (DiagnosticCodes.ProjectMappedTwice, 7, 14));
        Assert.StartsWith(
            "'services.shop-api' maps to the ProjectReference 'Shop.Api.csproj', which 'services.api' already maps to.",
            result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_HealthOnANonWebProject_IsPreview1018()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Worker", isWeb: false)
            .Manifest("services:\n  shop-worker:\n    health: /health\n");

        var result = workspace.Plan();

        DiagnosticAssert.Exactly(result.Diagnostics, workspace.ManifestPath, (DiagnosticCodes.HealthOnNonWebProject, 3, 13));
        Assert.StartsWith("'services.shop-worker' sets an HTTP health path, but its project 'Shop.Worker.csproj' is not a web project", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Plan_ManyProblems_AreAllReportedInOnePassOrderedByFileAndPosition()
    {
        using var workspace = new PreviewWorkspace()
            .Reference("Shop.Api")
            .Reference("Shop.Contracts", isRunnable: false)
            .Manifest("""
                dependencies:
                  db:
                    type: postgress
                services:
                  shop-api:
                    replicas: 0
                    uses: [db, cahce]
                  shop-web:
                """);

        var result = workspace.Plan();

        Assert.IsNull(result.Plan);
        CollectionAssert.AreEqual(
            new[]
            {
                (DiagnosticCodes.UnknownDependencyType, workspace.ManifestPath, 3, 11),
                (DiagnosticCodes.InvalidValue, workspace.ManifestPath, 6, 15),
                (DiagnosticCodes.UnknownUsesName, workspace.ManifestPath, 7, 16),
                (DiagnosticCodes.UnmatchedService, workspace.ManifestPath, 8, 3),
                (DiagnosticCodes.ProjectNotRunnable, workspace.PreviewProjectPath, 4, 23),
            },
            result.Diagnostics.Select(d => (d.Code, d.File, d.Line, d.Column)).ToArray(),
            DiagnosticAssert.Describe(result.Diagnostics));
    }
}
