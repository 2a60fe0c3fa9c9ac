using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Manifest;

[TestClass]
public sealed class ProfilesSectionReaderTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Read_FullProfilesSection_KeepsEveryValueAndPosition()
    {
        var result = ManifestReader.Read(File, """
            profiles:
              lightweight:
                dependencies:
                  cache: { enabled: false }
              qa:
                extends: heavyweight
                ttl: 1h30m
                services:
                  shop-api:
                    replicas: 3
                    cpu: 0.5
                    memory: 512Mi
                    env: { Logging__LogLevel__Default: Warning }
                    features: { NewCheckout: true, Legacy.Export: false }
                dependencies:
                  postgres: { runtime: local, scale: 2.5 }
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var manifest = result.Manifest!;
        Assert.AreEqual(new SourceLocation(File, 1, 1), manifest.ProfilesLocation);
        CollectionAssert.AreEqual(new[] { "lightweight", "qa" }, manifest.Profiles.Select(p => p.Name.Value).ToArray());
        var light = manifest.Profiles[0];
        Assert.IsNull(light.Extends);
        Assert.AreEqual((false, new SourceLocation(File, 4, 25)), (light.Dependencies.Single().Enabled!.Value.Value, light.Dependencies.Single().Enabled!.Value.Location));

        var qa = manifest.Profiles[1];
        Assert.AreEqual(new Located<string>("heavyweight", new SourceLocation(File, 6, 14)), qa.Extends);
        Assert.AreEqual(TimeSpan.FromMinutes(90), qa.TimeToLive?.Value);
        var api = qa.Services.Single();
        Assert.AreEqual(new Located<string>("shop-api", new SourceLocation(File, 9, 7)), api.Service);
        Assert.AreEqual((3, 0.5, 512L * 1024 * 1024), (api.Replicas?.Value, api.Cpus?.Value, api.MemoryBytes?.Value));
        Assert.AreEqual(new SourceLocation(File, 12, 17), api.MemoryBytes?.Location);
        Assert.AreEqual("Logging__LogLevel__Default=Warning", string.Join(';', api.Environment.Select(v => $"{v.Name.Value}={v.Value}")));
        Assert.AreEqual("NewCheckout=True;Legacy.Export=False", string.Join(';', api.Features.Select(f => $"{f.Name.Value}={f.Enabled}")));
        var postgres = qa.Dependencies.Single();
        Assert.AreEqual(("postgres", "local", 2.5), (postgres.Dependency.Value, postgres.Runtime?.Value, postgres.Scale?.Value));
        Assert.IsNull(postgres.Enabled);
    }

    [TestMethod]
    public void Read_BadShapesAndValues_AreReportedAllAtOnceWhereTheyAre()
    {
        var result = ManifestReader.Read(File, """
            profiles:
              Heavy: {}
              qa:
                ttl: forever
                colour: blue
                services:
                  shop-api:
                    replicas: 0
                    cpu: lots
                    memory: 2Mi
                    features: { "new checkout": true, Fast: maybe }
                dependencies:
                  cache: { enabled: no, runtime: podman, scale: 0 }
                  postgres: { runtime: container, cpu: none }
              web:
                services:
                  shop-web: { runtime: auto }
            """);

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            File,
            (DiagnosticCodes.InvalidValue, 2, 3),
            (DiagnosticCodes.InvalidValue, 4, 10),
            (DiagnosticCodes.UnknownKey, 5, 5),
            (DiagnosticCodes.InvalidValue, 8, 19),
            (DiagnosticCodes.InvalidValue, 9, 14),
            (DiagnosticCodes.InvalidValue, 10, 17),
            (DiagnosticCodes.InvalidValue, 11, 21),
            (DiagnosticCodes.WrongType, 11, 49),
            (DiagnosticCodes.WrongType, 13, 25),
            (DiagnosticCodes.InvalidValue, 13, 38),
            (DiagnosticCodes.InvalidValue, 13, 53),
            (DiagnosticCodes.InvalidValue, 14, 44),
            (DiagnosticCodes.AutoRuntimeOnService, 17, 28));
        Assert.StartsWith("'profiles' has the invalid value 'Heavy'. Fix: use a profile name", result.Diagnostics[0].Message);
        Assert.StartsWith("'profiles.qa.ttl' has the invalid value 'forever'. Fix: use a duration from 1m to 365d", result.Diagnostics[1].Message);
        Assert.StartsWith("Unknown key 'profiles.qa.colour'. Allowed keys here: extends, ttl, environment, restart, services, dependencies.", result.Diagnostics[2].Message);
        Assert.StartsWith("'profiles.qa.services.shop-api.memory' has the invalid value '2Mi'. Fix: use a size from 16Mi", result.Diagnostics[5].Message);
        Assert.StartsWith("'profiles.qa.dependencies.cache.runtime' has the invalid value 'podman'. Fix: use runtime: local | container | auto", result.Diagnostics[9].Message);
        Assert.AreEqual(
            "'profiles.web.services.shop-web.runtime' is runtime 'auto', which only dependencies may be: a service runs from its project or as a container built from it. Fix: use runtime: container or runtime: local.",
            result.Diagnostics[12].Message);
    }

    [TestMethod]
    public void Read_ExtendsOfAnUnknownProfile_IsPreview1031WithASuggestion()
    {
        var result = ManifestReader.Read(File, """
            profiles:
              qa:
                extends: heavywieght
            """);

        var error = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.UnknownProfileParent);
        DiagnosticAssert.At(error, File, 3, 14);
        Assert.AreEqual(
            "The profile 'qa' extends 'heavywieght', which is no profile. Did you mean 'heavyweight'? Profiles: lightweight, heavyweight, qa. Fix: correct the name in extends:, or define that profile under profiles:.",
            error.Message);
    }

    [TestMethod]
    public void Read_ProfilesExtendingEachOther_IsOnePreview1032AtTheFirstOfTheCycle()
    {
        var result = ManifestReader.Read(File, """
            profiles:
              base:
                extends: heavyweight
              qa:
                extends: staging
              staging:
                extends: qa
              self:
                extends: self
            """);

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            File,
            (DiagnosticCodes.ProfileExtendsCycle, 5, 14),
            (DiagnosticCodes.ProfileExtendsCycle, 9, 14));
        Assert.StartsWith("The profiles extend each other in a cycle: qa → staging → qa.", result.Diagnostics[0].Message);
        Assert.StartsWith("The profiles extend each other in a cycle: self → self.", result.Diagnostics[1].Message);
    }
}
