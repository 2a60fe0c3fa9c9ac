using System.Text;
using PreviewSdk.Core.Tests;

namespace PreviewSdk.Sdk.Tests;

/// <summary>Preview projects that build: what the SDK generates, compiles and leaves alone.</summary>
[TestClass]
public sealed class PreviewProjectBuildTests
{
    private const string ResourcesFile = "PreviewAppHost.Resources.g.cs";
    private const string EntryPointFile = "PreviewAppHost.Program.g.cs";
    private const string PlanFile = "preview.plan.json";

    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void Build_ValidPreviewProject_GeneratesAndCompilesTheAppHost()
    {
        var project = Workspace.PreviewProject("Valid.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Valid.Preview"), Workspace.WebService)}
              </ItemGroup>
            """, """
            app: demo
            dependencies:
              cache:
                type: redis
            services:
              shop-api:
                health: /healthz
                env:
                  Greeting: hello "preview"
                  Banner: "line\Lseparator"
                uses: [cache]
            """);

        var result = Workspace.Build(project);

        result.AssertCleanSuccess();
        var generated = TestWorkspace.GeneratedFolder(project);
        Assert.Contains($"{TestWorkspace.ProbeMessage}: plan={Path.Combine(generated, PlanFile)} generated=", result.Output, result.Describe());
        CollectionAssert.AreEquivalent(
            new[] { EntryPointFile, ResourcesFile, PlanFile, "preview.profile" },
            Directory.GetFiles(generated).Select(Path.GetFileName)
                .Where(name => !name!.EndsWith(".stamp", StringComparison.Ordinal) && !name.StartsWith("preview.services.", StringComparison.Ordinal)).ToArray());
        Assert.IsTrue(File.Exists(Path.Combine(generated, "preview.services.txt")), "What the services are is kept beside the plan.");
        var resources = File.ReadAllText(Path.Combine(generated, ResourcesFile));
        Assert.Contains(
            "            var profile = builder.UsePreviewProfile(\"preview.yaml\");\n" +
            "            builder.AddPreviewAlerts(\"preview.yaml\");\n" +
            "            var cache = profile.IsEnabled(\"cache\") ? builder.AddPreviewRedis(\"cache\", \"redis:7\", profile) : null;\n" +
            "            IResourceBuilder<IResourceWithServiceDiscovery> shopApi = builder.PreviewServiceImage(\"shop-api\") is { } shopApiImage\n" +
            "                ? ShopApiSettings(builder.AddPreviewServiceContainer(\"shop-api\", shopApiImage, isWeb: true))\n" +
            "                : ShopApiSettings(builder.AddPreviewService<global::Projects.Shop_Api>(\"shop-api\", isWeb: true));\n" +
            "            return builder;\n" +
            "\n" +
            "            IResourceBuilder<T> ShopApiSettings<T>(IResourceBuilder<T> service)\n" +
            "                where T : IResourceWithEnvironment, IResourceWithWaitSupport, IResourceWithEndpoints => service\n" +
            "                .WithPreviewHealthCheck(\"/healthz\")\n" +
            "                .WithEnvironment(\"Greeting\", \"hello \\\"preview\\\"\")\n" +
            "                .WithEnvironment(\"Banner\", \"line\\u2028separator\")\n" +
            "                .WithProfile(profile)\n" +
            "                .Uses(cache);\n",
            resources);
        Assert.Contains("/// <summary>The resources of the preview environment 'demo'.</summary>", resources);
        Assert.Contains("builder.AddPreviewResources();", File.ReadAllText(Path.Combine(generated, EntryPointFile)));
        Assert.Contains("\"appName\": \"demo\"", File.ReadAllText(Path.Combine(generated, PlanFile)));
        Assert.Contains("\"name\": \"lightweight\"", File.ReadAllText(Path.Combine(generated, PlanFile)), "the plan records the profile it was checked for");
        var assembly = TestWorkspace.AppHostAssembly(project);
        Assert.IsTrue(File.Exists(assembly), $"No app host at {assembly}");
        Assert.IsTrue(Contains(assembly, "hello \"preview\""), "the escaped value compiles to the value of preview.yaml");
        Assert.IsTrue(Contains(assembly, "line\u2028separator"), "a YAML \\L (U+2028, a line end in C#) compiles too");
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Build_WritesALaunchProfilePerPreviewProfile_AndLeavesAnEditedFileAlone()
    {
        var project = Workspace.PreviewProject("Launch.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Launch.Preview"), Workspace.WebService)}
              </ItemGroup>
            """, "app: launch\nprofiles:\n  qa:\n    extends: heavyweight\n");
        var settings = Path.Combine(Path.GetDirectoryName(project)!, "Properties", "launchSettings.json");

        var first = Workspace.Build(project);

        first.AssertCleanSuccess();
        Assert.Contains($"PreviewSdk wrote {settings}: one launch profile per preview profile (lightweight, heavyweight, qa)", first.Output);
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(settings)))
        {
            CollectionAssert.AreEqual(new[] { "lightweight", "heavyweight", "qa" }, document.RootElement.GetProperty("profiles").EnumerateObject().Select(p => p.Name).ToArray());
        }

        // The team's own launch profile: the file is theirs now, whatever preview.yaml says next.
        var edited = File.ReadAllText(settings).Replace("\"profiles\": {", "\"profiles\": {\n    \"mine\": { \"commandName\": \"Project\" },", StringComparison.Ordinal);
        File.WriteAllText(settings, edited);
        var manifest = Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml");
        File.WriteAllText(manifest, "app: launch\nprofiles:\n  qa:\n    extends: heavyweight\n  load:\n    extends: heavyweight\n");
        File.SetLastWriteTimeUtc(manifest, DateTime.UtcNow.AddSeconds(2));

        Workspace.Build(project).AssertCleanSuccess();

        Assert.AreEqual(edited, File.ReadAllText(settings));
        var launch = Path.Combine(Path.GetDirectoryName(TestWorkspace.AppHostAssembly(project))!, "preview.launch.json");
        StringAssert.Contains(File.ReadAllText(launch), $"\"projectPath\": \"{project}\"", "F5 finds its project beside the app host");
        using var written = System.Text.Json.JsonDocument.Parse(File.ReadAllText(launch));
        Assert.AreEqual(("true", "7d", "3"), (written.RootElement.GetProperty("templates").GetString(), written.RootElement.GetProperty("templateRetention").GetString(), written.RootElement.GetProperty("templatesPerServer").GetString()),
            "F5 gets PreviewTemplates, PreviewTemplateRetention and PreviewTemplatesPerServer (their defaults here)");
    }

    [TestMethod]
    public void Build_SecondTime_RewritesNothingAndCompilesNothing()
    {
        var project = Workspace.PreviewProject("Incremental.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Incremental.Preview"), Workspace.WebService)}
              </ItemGroup>
            """, "app: incremental\n");
        Workspace.Build(project).AssertCleanSuccess();
        var watched = Directory.GetFiles(TestWorkspace.GeneratedFolder(project))
            .Append(Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", "Incremental.Preview.dll"))
            .ToDictionary(path => path, File.GetLastWriteTimeUtc);
        // The plan, the two generated files, the stamp of the incremental generation, the profile it was planned
        // for, what the services are and the properties that said where they build to, plus the app host.
        Assert.HasCount(8, watched);
        var settings = Path.Combine(Path.GetDirectoryName(project)!, "Properties", "launchSettings.json");
        watched[settings] = File.GetLastWriteTimeUtc(settings);

        var second = Workspace.Build(project);

        second.AssertCleanSuccess();
        Assert.Contains(TestWorkspace.ProbeMessage, second.Output, "ComputePreviewPlan runs on every build");
        foreach (var (path, written) in watched)
        {
            Assert.AreEqual(written, File.GetLastWriteTimeUtc(path), $"{Path.GetFileName(path)} was rewritten by the second build");
        }
    }

    [TestMethod]
    public void Build_AfterPreviewYamlChanged_RegeneratesTheAppHost()
    {
        var project = Workspace.PreviewProject("Changed.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Changed.Preview"), Workspace.WebService)}
              </ItemGroup>
            """, "app: changed\n");
        Workspace.Build(project).AssertCleanSuccess();
        var resources = Path.Combine(TestWorkspace.GeneratedFolder(project), ResourcesFile);
        Assert.DoesNotContain("Greeting", File.ReadAllText(resources));

        // A generation skipped as up to date must not hide an edit of preview.yaml.
        var manifest = Path.Combine(Path.GetDirectoryName(project)!, "preview.yaml");
        File.WriteAllText(manifest, "app: changed\nservices:\n  shop-api:\n    env:\n      Greeting: hello\n");
        File.SetLastWriteTimeUtc(manifest, DateTime.UtcNow.AddSeconds(2));
        Workspace.Build(project).AssertCleanSuccess();

        StringAssert.Contains(File.ReadAllText(resources), ".WithEnvironment(\"Greeting\", \"hello\")");
    }

    [TestMethod]
    public void Build_AfterAReferenceWasAdded_AsksTheServicesAgainAndPlansTheNewOne()
    {
        var project = Workspace.PreviewProject("Added.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Added.Preview"), Workspace.WebService)}
              </ItemGroup>
            """, "app: added\n");
        Workspace.Build(project).AssertCleanSuccess();
        var resources = Path.Combine(TestWorkspace.GeneratedFolder(project), ResourcesFile);
        Assert.DoesNotContain("Projects.Shop_Tool", File.ReadAllText(resources));

        // What the services are is kept between builds; a changed project file must not leave the new one out.
        Workspace.PreviewProject("Added.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Added.Preview"), Workspace.WebService)}
            {TestWorkspace.Reference(ProjectOf("Added.Preview"), Workspace.Tool)}
              </ItemGroup>
            """, null);
        File.SetLastWriteTimeUtc(project, DateTime.UtcNow.AddSeconds(2));
        Workspace.Build(project).AssertCleanSuccess();

        StringAssert.Contains(File.ReadAllText(resources), "Projects.Shop_Tool");
    }

    [TestMethod]
    public void Build_CustomEntryPoint_CompilesAProgramThatExtendsTheGeneratedResources()
    {
        var project = Workspace.PreviewProject("Custom.Preview", $"""
              <PropertyGroup>
                <PreviewGenerateEntryPoint>false</PreviewGenerateEntryPoint>
              </PropertyGroup>
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Custom.Preview"), Workspace.WebService)}
              </ItemGroup>
            """, "app: custom\n");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "Program.cs"), """
            using Aspire.Hosting;
            using PreviewSdk.Generated;

            var builder = PreviewApplication.CreateBuilder(args);
            builder.AddPreviewResources();
            builder.AddExecutable("custom-ticker", "sleep", ".", "3600");
            builder.Build().Run();
            """);

        var result = Workspace.Build(project);

        result.AssertCleanSuccess();
        var generated = TestWorkspace.GeneratedFolder(project);
        Assert.IsTrue(File.Exists(Path.Combine(generated, ResourcesFile)));
        Assert.IsFalse(File.Exists(Path.Combine(generated, EntryPointFile)), "no generated entry point beside the project's own Program");
        Assert.IsTrue(Contains(TestWorkspace.AppHostAssembly(project), "custom-ticker"), "the hand-written Program is the one compiled");
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Build_PreviewServiceFalse_IsNotAServiceAndRaisesNoWarning()
    {
        var from = ProjectOf("Excluded.Preview");
        var project = Workspace.PreviewProject("Excluded.Preview", $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
            {TestWorkspace.Reference(from, Workspace.Tool, " PreviewService=\"false\"")}
            {TestWorkspace.Reference(from, Workspace.Library, " PreviewService=\"false\"")}
              </ItemGroup>
            """, "app: excluded\n");

        var result = Workspace.Build(project);

        // A library marked PreviewService="false" is what PREVIEW1010's fix asks for: it must not then warn
        // (Aspire's ASPIRE004), or TreatWarningsAsErrors builds fail.
        result.AssertCleanSuccess();
        var generated = TestWorkspace.GeneratedFolder(project);
        var resources = File.ReadAllText(Path.Combine(generated, ResourcesFile));
        Assert.Contains("AddPreviewService<global::Projects.Shop_Api>(\"shop-api\"", resources);
        Assert.DoesNotContain("Shop_Tool", resources);
        Assert.DoesNotContain("shop-tool", resources);
        Assert.DoesNotContain("Shop_Lib", resources);
        var plan = File.ReadAllText(Path.Combine(generated, PlanFile));
        Assert.DoesNotContain("Shop.Tool", plan);
        Assert.DoesNotContain("Shop.Lib", plan);
    }

    [TestMethod]
    public void Build_GeneratorSnapshot_IsValidCSharpAgainstTheHostingLibrary()
    {
        // The Core tests compare the generator's output with these files; compiling them here proves that what
        // they pin down builds against the real PreviewSdk.Hosting and Aspire, escapes included.
        var snapshots = Path.Combine(RepositoryRoot.Find(), "tests", "PreviewSdk.Core.Tests", "Generation", "Snapshots");
        var project = Workspace.PreviewProject("Snapshot.Preview", $"""
              <PropertyGroup>
                <PreviewGenerateEntryPoint>false</PreviewGenerateEntryPoint>
              </PropertyGroup>
              <ItemGroup>
            {TestWorkspace.Reference(ProjectOf("Snapshot.Preview"), Workspace.WebService)}
                <Compile Include="{snapshots}/Shop.Resources.g.cs.txt;{snapshots}/Shop.Program.g.cs.txt" />
              </ItemGroup>
              <Target Name="_CompileTheSnapshotInstead" AfterTargets="ComputePreviewPlan">
                <ItemGroup>
                  <Compile Remove="@(PreviewGeneratedFile)" />
                </ItemGroup>
              </Target>
            """, "app: snapshot\n");
        // The snapshot's other services are not referenced here: stand-ins for the classes Aspire would generate.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "ProjectStandIns.cs"), """
            namespace Projects;

            public sealed class Shop_Web : global::Aspire.Hosting.IProjectMetadata
            {
                public string ProjectPath => "/nonexistent/Shop.Web/Shop.Web.csproj";
            }

            public sealed class Shop_Worker : global::Aspire.Hosting.IProjectMetadata
            {
                public string ProjectPath => "/nonexistent/Shop.Worker/Shop.Worker.csproj";
            }
            """);

        var result = Workspace.Build(project);

        result.AssertCleanSuccess();
        var assembly = TestWorkspace.AppHostAssembly(project);
        Assert.IsTrue(Contains(assembly, "Orders__Banner"), "the snapshot, not the generated file, was compiled");
        Assert.IsTrue(
            Contains(assembly, "line 1\nline 2\t\"quoted\" C:\\orders\\ \u2028end"),
            "the escaped literal compiles to exactly the value of the plan");
    }

    private static string ProjectOf(string name) => Path.Combine(Workspace.Root, name, name + ".csproj");

    // String literals live in the assembly's #US heap as UTF-16.
    private static bool Contains(string assemblyPath, string literal) =>
        File.ReadAllBytes(assemblyPath).AsSpan().IndexOf(Encoding.Unicode.GetBytes(literal)) >= 0;
}
