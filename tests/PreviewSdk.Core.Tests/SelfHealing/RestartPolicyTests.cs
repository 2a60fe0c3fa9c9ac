using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.SelfHealing;

[TestClass]
public sealed class RestartPolicyTests
{
    [TestMethod]
    public void Lightweight_RestartsFiveTimes_1_2_4_8_16SecondsApart()
    {
        var policy = RestartPolicy.Lightweight;

        CollectionAssert.AreEqual(new[] { 1, 2, 4, 8, 16 }, Enumerable.Range(1, 5).Select(n => (int)policy.DelayBefore(n).TotalSeconds).ToArray());
        Assert.IsTrue(policy.Allows(5));
        Assert.IsFalse(policy.Allows(6));
        Assert.AreEqual("up to 5 restarts, 1s back-off", policy.Describe());
    }

    [TestMethod]
    public void Heavyweight_RestartsWithoutLimit_LikeKubernetes_10SecondsDoublingTo5Minutes()
    {
        var policy = RestartPolicy.Heavyweight;

        CollectionAssert.AreEqual(new[] { 10, 20, 40, 80, 160, 300, 300 }, Enumerable.Range(1, 7).Select(n => (int)policy.DelayBefore(n).TotalSeconds).ToArray());
        Assert.IsTrue(policy.Allows(int.MaxValue));
        Assert.AreEqual(RestartPolicy.MaximumDelay, policy.DelayBefore(int.MaxValue));
    }

    [TestMethod]
    public void AProfile_InheritsTheBuiltInPolicy_AndOverridesOnlyWhatItWrites()
    {
        var manifest = Read("""
            profiles:
              heavyweight:
                restart: { attempts: 3 }
              calm:
                extends: heavyweight
                restart: { backoff: 30s }
              fragile:
                restart: never
              review:
                extends: lightweight
            """);

        Assert.AreEqual(new RestartPolicy(3, TimeSpan.FromSeconds(10)), ProfileCatalog.Resolve(manifest, "heavyweight")!.Restart);
        Assert.AreEqual(new RestartPolicy(3, TimeSpan.FromSeconds(30)), ProfileCatalog.Resolve(manifest, "calm")!.Restart);
        Assert.AreEqual(RestartPolicy.Never.Attempts, ProfileCatalog.Resolve(manifest, "fragile")!.Restart.Attempts);
        Assert.AreEqual(RestartPolicy.Lightweight, ProfileCatalog.Resolve(manifest, "review")!.Restart);
        Assert.AreEqual(RestartPolicy.Lightweight, ProfileCatalog.Resolve(manifest, "lightweight")!.Restart);
    }

    [TestMethod]
    public void AnInvalidRestart_IsPreview1004Or1005AtTheValue()
    {
        var result = ManifestReader.Read("preview.yaml", """
            profiles:
              a:
                restart: always
              b:
                restart: { attempts: 1001, backoff: 0s }
              c:
                restart: { attempts: -1, retries: 2 }
              d:
                restart: { attempts: unlimited, backoff: 2h }
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, "preview.yaml",
            (DiagnosticCodes.InvalidValue, 3, 14),
            (DiagnosticCodes.InvalidValue, 5, 26),
            (DiagnosticCodes.InvalidValue, 5, 41),
            (DiagnosticCodes.InvalidValue, 7, 26),
            (DiagnosticCodes.UnknownKey, 7, 30),
            (DiagnosticCodes.InvalidValue, 9, 46));
        StringAssert.Contains(result.Diagnostics[1].Message, "use a whole number from 0 to 1000, or unlimited");
    }

    [TestMethod]
    public void ADownLink_IsMarkedInTheTable_TheMarkdown_AndTheList()
    {
        var links = new EnvironmentLinks
        {
            Environment = "main",
            Profile = "lightweight",
            ReadyAt = DateTimeOffset.UnixEpoch,
            Directory = "http://main.localhost:7400/",
            SharedLink = "http://main.localhost:7400/",
            TokenRequired = false,
            Dashboard = "http://127.0.0.1:1/login",
            Services = [new ServiceLink("shop-api", "http://localhost:2") { State = LinkStates.Down }, new ServiceLink("shop-web", "http://localhost:3")],
        };

        StringAssert.Contains(LinksRenderer.RenderTable(links, "is up"), "  shop-api   http://localhost:2  (down)\n  shop-web   http://localhost:3");
        StringAssert.Contains(LinksRenderer.RenderMarkdown(links), "| shop-api | <http://localhost:2> (down) |");
        Assert.AreEqual(LinkStates.Down, LinkStates.Of(new ResourceStatus { Name = "shop-api", Type = "Project", State = "Exited" }));
        Assert.AreEqual(LinkStates.Down, LinkStates.Of(new ResourceStatus { Name = "shop-api", Type = "Project", State = "Running", Health = "Unhealthy" }));
        Assert.AreEqual(LinkStates.Up, LinkStates.Of(new ResourceStatus { Name = "shop-api", Type = "Project", State = "Running", Health = "Healthy" }));
        var json = System.Text.Json.JsonSerializer.Serialize(links, StateJson.Options);
        StringAssert.Contains(json, "\"state\": \"down\"");
        Assert.AreEqual(LinkStates.Down, System.Text.Json.JsonSerializer.Deserialize<EnvironmentLinks>(json, StateJson.Options)!.Services[0].State);
    }

    private static PreviewManifest Read(string yaml)
    {
        var result = ManifestReader.Read("preview.yaml", yaml);
        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        return result.Manifest!;
    }
}
