namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// Problems reported by the build in MSBuild's canonical form, at the exact place, and with nothing started.
/// </summary>
[TestClass]
public sealed class PreviewDiagnosticsTests
{
    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void Build_UnknownKey_ReportsPreview1003AtTheKey()
    {
        var project = ServiceProject("UnknownKey.Preview", """
            app: demo
            services:
              shop-api:
                helth: /healthz
            """);

        var result = Workspace.Build(project);

        var error = result.AssertSingleError("PREVIEW1003");
        Assert.AreEqual((ManifestOf(project), 4, 5), (error.File, error.Line, error.Column), result.Describe());
        Assert.StartsWith("Unknown key 'services.shop-api.helth'. Did you mean 'health'?", error.Message);
        Assert.Contains($"{ManifestOf(project)}(4,5): error PREVIEW1003: Unknown key", result.Output);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Build_ReferenceToAClassLibrary_ReportsPreview1010AtTheReference()
    {
        const string name = "Library.Preview";
        var from = Path.Combine(Workspace.Root, name, name + ".csproj");
        var libraryReference = TestWorkspace.Reference(from, Workspace.Library);
        var project = Workspace.PreviewProject(name, $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
            {libraryReference}
              </ItemGroup>
            """, "app: demo\n");
        var lines = File.ReadAllLines(project);
        var line = Array.IndexOf(lines, libraryReference) + 1;
        var column = libraryReference.IndexOf("Include=", StringComparison.Ordinal) + 1;
        Assert.AreEqual(TestWorkspace.BodyLine + 2, line, "the reference is the body's third line");

        var result = Workspace.Build(project);

        var error = result.AssertSingleError("PREVIEW1010");
        Assert.AreEqual((project, line, column), (error.File, error.Line, error.Column), result.Describe());
        Assert.StartsWith("The ProjectReference 'Shop.Lib.csproj' is not a runnable project", error.Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Build_MissingManifest_ReportsPreview1001()
    {
        var project = ServiceProject("NoManifest.Preview", manifest: null);

        var result = Workspace.Build(project);

        var error = result.AssertSingleError("PREVIEW1001");
        Assert.AreEqual((project, 0, 0), (error.File, error.Line, error.Column), result.Describe());
        Assert.Contains($"'{ManifestOf(project)}' was not found", error.Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Build_InvalidYaml_ReportsPreview1002AtTheSyntaxError()
    {
        var project = ServiceProject("InvalidYaml.Preview", """
            app: demo
            services:
              shop-api: [unclosed
            """);

        var result = Workspace.Build(project);

        var error = result.AssertSingleError("PREVIEW1002");
        Assert.AreEqual(ManifestOf(project), error.File, result.Describe());
        Assert.AreEqual(4, error.Line, "the parser notices the missing ']' at the end of the file");
        Assert.StartsWith("preview.yaml is not valid YAML:", error.Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Preview_InvalidTimeout_ReportsPreview1019BeforeStartingAnything()
    {
        var project = ServiceProject("Timeout.Preview", "app: demo\n");

        var result = Workspace.Build(project, "-t:Preview", "-p:PreviewTimeout=abc");

        var error = result.AssertSingleError("PREVIEW1019");
        Assert.AreEqual(project, error.File, result.Describe());
        Assert.StartsWith("The property PreviewTimeout is 'abc', which is not a number of seconds", error.Message);
        Assert.IsTrue(File.Exists(TestWorkspace.AppHostAssembly(project)), "-t:Preview built the app host before it checked the property");
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Preview_InvalidPullRequestAndCommentToken_ReportsPreview1019ForEachBeforeStarting()
    {
        var project = ServiceProject("PullRequest.Preview", "app: demo\n");

        var result = Workspace.Build(project, "-t:Preview", "-p:PreviewPullRequest=feature-42", "-p:PreviewCommentToken=yes please");

        Assert.HasCount(2, result.Errors, result.Describe());
        Assert.IsTrue(result.Errors.All(error => error.Code == "PREVIEW1019" && error.File == project), result.Describe());
        Assert.StartsWith("The property PreviewPullRequest is 'feature-42', which is not a pull request number (e.g. 42).", result.Errors[0].Message);
        Assert.StartsWith("The property PreviewCommentToken is 'yes please', which is not true or false.", result.Errors[1].Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Preview_MistypedServiceLauncher_ReportsPreview1019BeforeBuildingTheAppHost()
    {
        var project = ServiceProject("Launcher.Preview", "app: demo\n");

        var result = Workspace.Build(project, "-t:Preview", "-p:PreviewServiceLauncher=DotnetRun");

        var error = result.AssertSingleError("PREVIEW1019");
        Assert.AreEqual(project, error.File, result.Describe());
        Assert.StartsWith("The property PreviewServiceLauncher is 'DotnetRun', which is not direct or dotnet-run.", error.Message);
        Assert.IsFalse(File.Exists(TestWorkspace.AppHostAssembly(project)), "the app host was built with a launcher that means nothing");
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Build_UnknownProfile_ReportsPreview1030AtTheProfilesKeyAndSwitchingBackRecompilesNothing()
    {
        var project = ServiceProject("Profile.Preview", """
            app: demo
            profiles:
              qa:
                extends: heavyweight
            """);
        Workspace.Build(project, "-p:PreviewProfile=qa").AssertCleanSuccess();
        var appHost = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", "Profile.Preview.dll");
        var compiled = File.GetLastWriteTimeUtc(appHost);

        // The build before planned for 'qa': a generation skipped as up to date must not hide the new profile.
        var result = Workspace.Build(project, "-p:PreviewProfile=qa2");

        var error = result.AssertSingleError("PREVIEW1030");
        Assert.AreEqual((ManifestOf(project), 2, 1), (error.File, error.Line, error.Column), result.Describe());
        Assert.StartsWith("The profile 'qa2' is neither built in nor defined under profiles: in preview.yaml. Did you mean 'qa'? Profiles: lightweight, heavyweight, qa.", error.Message);
        Workspace.AssertNothingStarted(project);

        // One app host serves every profile: choosing another re-plans, and compiles nothing.
        Workspace.Build(project, "-p:PreviewProfile=lightweight").AssertCleanSuccess();
        Assert.AreEqual(compiled, File.GetLastWriteTimeUtc(appHost), "the app host was compiled again for another profile");
    }

    [TestMethod]
    public void Build_BadChecksAndAlerts_AreCodedErrorsAtTheirPlace()
    {
        var project = ServiceProject("Checks.Preview", """
            app: demo
            checks:
              shop-api:
                home: { path: home, status: 700, interval: 1s, maxLatency: fast }
            alerts:
              webhooks: [ "ftp://example.org/hook" ]
            """);

        var result = Workspace.Build(project);

        var errors = result.Errors.Select(e => (e.Code, e.File, e.Line, e.Column)).ToList();
        var manifest = ManifestOf(project);
        CollectionAssert.AreEqual(
            new[] { ("PREVIEW1122", manifest, 4, 19), ("PREVIEW1123", manifest, 4, 33), ("PREVIEW1124", manifest, 4, 48), ("PREVIEW1125", manifest, 4, 64), ("PREVIEW1120", manifest, 6, 15) },
            errors,
            result.Describe());
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Preview_InvalidAlertWebhook_ReportsPreview1121BeforeStartingAnything()
    {
        var project = ServiceProject("Webhook.Preview", "app: demo\n");

        var result = Workspace.Build(project, "-t:Preview", "-p:PreviewAlertWebhook=teams:https://example.org/hook");

        var error = result.AssertSingleError("PREVIEW1121");
        Assert.AreEqual(project, error.File, result.Describe());
        Assert.StartsWith("The property PreviewAlertWebhook is 'teams:https://example.org/hook', which is not an http or https address", error.Message);
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void PreviewTest_WithoutARunningEnvironment_ReportsPreview6010()
    {
        var project = ServiceProject("Test.Preview", "checks: { shop-api: { home: / } }\n");

        var result = Workspace.Build(project, "-t:PreviewTest");

        var error = result.AssertSingleError("PREVIEW6010");
        Assert.AreEqual(project, error.File, result.Describe());
        StringAssert.Contains(error.Message, "of Test.Preview.csproj is not up, so its checks cannot run.");
    }

    private static string ServiceProject(string name, string? manifest)
    {
        var from = Path.Combine(Workspace.Root, name, name + ".csproj");
        return Workspace.PreviewProject(name, $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
              </ItemGroup>
            """, manifest);
    }

    private static string ManifestOf(string project) => Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml");
}
