using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Manifest;

[TestClass]
public sealed class ManifestReaderTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Read_FullManifest_KeepsEveryValueAndPosition()
    {
        var result = ManifestReader.Read(File, """
            app: shop
            dependencies:
              postgres:
                type: postgres
                databases: [shopdb, ordersdb]
              cache:
                type: redis
            services:
              shop-api:
                project: Shop.Api
                health: /healthz
                replicas: 2
                env:
                  Shop__PageSize: 20
                  Shop__Debug: true
                  Shop__Title: "Hello: World"
                  Shop__Empty:
                uses: [shopdb, cache]
              worker:
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var manifest = result.Manifest!;
        Assert.AreEqual(new Located<string>("shop", new SourceLocation(File, 1, 6)), manifest.App);

        Assert.HasCount(2, manifest.Dependencies);
        var postgres = manifest.Dependencies[0];
        Assert.AreEqual(new Located<string>("postgres", new SourceLocation(File, 3, 3)), postgres.Name);
        Assert.AreEqual(new Located<string>("postgres", new SourceLocation(File, 4, 11)), postgres.Type);
        CollectionAssert.AreEqual(
            new[] { new Located<string>("shopdb", new SourceLocation(File, 5, 17)), new Located<string>("ordersdb", new SourceLocation(File, 5, 25)) },
            postgres.Databases.ToArray());
        Assert.AreEqual(("cache", "redis", 0), (manifest.Dependencies[1].Name.Value, manifest.Dependencies[1].Type?.Value, manifest.Dependencies[1].Databases.Count));

        Assert.HasCount(2, manifest.Services);
        var api = manifest.Services[0];
        Assert.AreEqual(new Located<string>("shop-api", new SourceLocation(File, 9, 3)), api.Name);
        Assert.AreEqual(new Located<string>("Shop.Api", new SourceLocation(File, 10, 14)), api.Project);
        Assert.AreEqual(new Located<string>("/healthz", new SourceLocation(File, 11, 13)), api.Health);
        Assert.IsFalse(api.IsHealthCheckDisabled);
        Assert.AreEqual(new Located<int>(2, new SourceLocation(File, 12, 15)), api.Replicas);
        CollectionAssert.AreEqual(
            new[] { "Shop__PageSize=20", "Shop__Debug=true", "Shop__Title=Hello: World", "Shop__Empty=" },
            api.Environment.Select(e => $"{e.Name.Value}={e.Value}").ToArray());
        CollectionAssert.AreEqual(
            new[] { new Located<string>("shopdb", new SourceLocation(File, 18, 12)), new Located<string>("cache", new SourceLocation(File, 18, 20)) },
            api.Uses.ToArray());

        var worker = manifest.Services[1];
        Assert.AreEqual(("worker", null, null, null, 0, 0), (worker.Name.Value, worker.Project, worker.Health, worker.Replicas, worker.Environment.Count, worker.Uses.Count));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("# only a comment\n")]
    [DataRow("~\n")]
    [DataRow("---\n")]
    [DataRow("dependencies:\nservices:\n")]
    public void Read_EmptyManifest_IsValidWithDefaults(string yaml)
    {
        var result = ManifestReader.Read(File, yaml);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        Assert.IsNotNull(result.Manifest);
        Assert.IsNull(result.Manifest.App);
        Assert.IsEmpty(result.Manifest.Dependencies);
        Assert.IsEmpty(result.Manifest.Services);
    }

    [TestMethod]
    public void Read_InvalidYaml_ReportsPreview1002AtTheErrorAndNoManifest()
    {
        var result = ManifestReader.Read(File, """
            services:
              shop-api:
                replicas: 1
               health: /health
            """);

        Assert.IsNull(result.Manifest);
        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.InvalidYaml, 4, 4));
        Assert.Contains("did not find expected key", result.Diagnostics[0].Message);
        Assert.Contains("Fix: ", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Read_UnknownAlias_IsASyntaxError()
    {
        var result = ManifestReader.Read(File, "app: shop\nservices:\n  api: *defaults\n");

        Assert.IsNull(result.Manifest);
        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.InvalidYaml, 3, 8));
        Assert.Contains("'*defaults'", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Read_UnclosedFlowList_IsASyntaxErrorNotACrash()
    {
        // YamlDotNet throws InvalidOperationException rather than YamlException for this one.
        var result = ManifestReader.Read(File, "services: [a\nb: 2");

        Assert.IsNull(result.Manifest);
        var diagnostic = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.InvalidYaml);
        Assert.IsGreaterThan(0, diagnostic.Line);
    }

    [TestMethod]
    public void Read_DeepNesting_IsASyntaxErrorNotAStackOverflow()
    {
        var result = ManifestReader.Read(File, "app: " + new string('[', 10_000) + new string(']', 10_000));

        Assert.IsNull(result.Manifest);
        Assert.Contains("deeper than", DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.InvalidYaml).Message);
    }

    [TestMethod]
    public void Read_UnknownKey_ListsAllowedKeysAndSuggestsTheClosest()
    {
        var result = ManifestReader.Read(File, """
            app: shop
            servics:
              shop-api:
                helth: /health
            image: nginx
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.UnknownKey, 2, 1), (DiagnosticCodes.UnknownKey, 5, 1));
        Assert.AreEqual(
            "Unknown key 'servics'. Did you mean 'services'? Allowed keys here: app, dependencies, services, seed, profiles, team, budget, checks, alerts. " +
            "Fix: rename the key to one of the allowed keys, or remove it.",
            result.Diagnostics[0].Message);
        Assert.DoesNotContain("Did you mean", result.Diagnostics[1].Message);
    }

    [TestMethod]
    public void Read_UnknownServiceKey_NamesTheFullKeyPath()
    {
        var result = ManifestReader.Read(File, "services:\n  shop-api:\n    helth: /health\n");

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.UnknownKey, 3, 5));
        Assert.StartsWith(
            "Unknown key 'services.shop-api.helth'. Did you mean 'health'? Allowed keys here: project, health, protocol, replicas, env, uses.",
            result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Read_WrongTypes_ArePreview1004AtTheValue()
    {
        var result = ManifestReader.Read(File, """
            app: [shop]
            dependencies: postgres
            services:
              shop-api:
                replicas: two
                uses: shopdb
                env: [A]
              web: [1]
              worker:
                env:
                  A: {b: 1}
                replicas: "2"
                project:
            """);

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            File,
            (DiagnosticCodes.WrongType, 1, 6),
            (DiagnosticCodes.WrongType, 2, 15),
            (DiagnosticCodes.WrongType, 5, 15),
            (DiagnosticCodes.WrongType, 6, 11),
            (DiagnosticCodes.WrongType, 7, 10),
            (DiagnosticCodes.WrongType, 8, 8),
            (DiagnosticCodes.WrongType, 11, 10),
            (DiagnosticCodes.WrongType, 12, 15),
            (DiagnosticCodes.WrongType, 13, 13));
        var messages = result.Diagnostics.Select(d => d.Message).ToList();
        Assert.StartsWith("'app' must be a single text value, but it is a list. Fix: ", messages[0]);
        Assert.StartsWith("'dependencies' must be a map (indented 'key: value' lines), but it is the value 'postgres'.", messages[1]);
        Assert.StartsWith("'services.shop-api.replicas' must be a whole number, but it is the value 'two'.", messages[2]);
        Assert.StartsWith("'services.shop-api.uses' must be a list ([a, b] or indented '- item' lines), but it is the value 'shopdb'.", messages[3]);
        Assert.StartsWith("'services.worker.env.A' must be a single value (text, number or boolean), but it is a map.", messages[6]);
        Assert.StartsWith("'services.worker.replicas' must be a whole number, but it is the quoted text '2'.", messages[7]);
        Assert.StartsWith("'services.worker.project' must be a single text value, but it is empty.", messages[8]);
    }

    [TestMethod]
    public void Read_RootThatIsNotAMap_IsPreview1004()
    {
        var result = ManifestReader.Read(File, "- shop-api\n");

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.WrongType, 1, 1));
        Assert.StartsWith("'preview.yaml' must be a map", result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Read_InvalidValues_ArePreview1005AtTheValue()
    {
        var result = ManifestReader.Read(File, """
            services:
              shop-api:
                replicas: 0
                health: health
                uses: [db, '', ~]
                env:
                  "": x
                  A=B: x
              web:
                replicas: 99999999999
                health: /a b
            dependencies:
              postgres:
                type: postgres
                databases: [shopdb, " "]
            """);

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            File,
            (DiagnosticCodes.InvalidValue, 3, 15),
            (DiagnosticCodes.InvalidValue, 4, 13),
            (DiagnosticCodes.InvalidValue, 5, 16),
            (DiagnosticCodes.InvalidValue, 5, 20),
            (DiagnosticCodes.InvalidValue, 7, 7),
            (DiagnosticCodes.InvalidValue, 8, 7),
            (DiagnosticCodes.InvalidValue, 10, 15),
            (DiagnosticCodes.InvalidValue, 11, 13),
            (DiagnosticCodes.InvalidValue, 15, 25));
        Assert.AreEqual(
            "'services.shop-api.replicas' has the invalid value '0'. Fix: use a whole number from 1 to 100.",
            result.Diagnostics[0].Message);
        Assert.StartsWith(
            "'services.shop-api.health' has the invalid value 'health'. Fix: use an HTTP path that starts with '/'",
            result.Diagnostics[1].Message);

        // The broken values are left out; the rest of the entry is kept.
        var api = result.Manifest!.Services[0];
        Assert.IsNull(api.Replicas);
        Assert.IsNull(api.Health);
        CollectionAssert.AreEqual(new[] { "db" }, api.Uses.Select(u => u.Value).ToArray());
        Assert.IsEmpty(api.Environment);
        CollectionAssert.AreEqual(new[] { "shopdb" }, result.Manifest.Dependencies[0].Databases.Select(d => d.Value).ToArray());
    }

    [TestMethod]
    public void Read_RepeatedKey_IsPreview1006AtTheSecondAndTheFirstWins()
    {
        var result = ManifestReader.Read(File, """
            services:
              shop-api:
                replicas: 2
              shop-api:
                replicas: 3
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.DuplicateName, 4, 3));
        Assert.StartsWith(
            "The name 'shop-api' is already used by an earlier key of the same map at preview.yaml(2,3). Fix: ",
            result.Diagnostics[0].Message);
        Assert.AreEqual(2, result.Manifest!.Services.Single().Replicas?.Value);
    }

    [TestMethod]
    public void Read_UnknownDependencyType_IsPreview1007WithTheSupportedTypes()
    {
        var result = ManifestReader.Read(File, "dependencies:\n  db:\n    type: postgresql\n");

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.UnknownDependencyType, 3, 11));
        Assert.AreEqual(
            "Unknown dependency type 'postgresql'. Did you mean 'postgres'? Supported types: postgres, redis. " +
            "Fix: set type: to one of the supported types.",
            result.Diagnostics[0].Message);
        Assert.IsNull(result.Manifest!.Dependencies.Single().Type);
    }

    [TestMethod]
    public void Read_DatabasesOnRedis_IsAnUnknownKeyWhereverTypeIsWritten()
    {
        var result = ManifestReader.Read(File, """
            dependencies:
              cache:
                databases: [a]
                type: redis
            """);

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.UnknownKey, 3, 5));
        Assert.StartsWith("Unknown key 'dependencies.cache.databases'. Allowed keys here: type, external, runtime, image.", result.Diagnostics[0].Message);
        Assert.IsEmpty(result.Manifest!.Dependencies.Single().Databases);
    }

    [TestMethod]
    [DataRow("dependencies:\n  db:\n    databases: [a]\n")]
    [DataRow("dependencies:\n  db:\n")]
    public void Read_DependencyWithoutType_IsPreview1013AtItsName(string yaml)
    {
        var result = ManifestReader.Read(File, yaml);

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.MissingRequiredKey, 2, 3));
        Assert.AreEqual(
            "'dependencies.db' is missing the required key 'type'. Fix: add 'type: postgres | redis' under 'dependencies.db'.",
            result.Diagnostics[0].Message);
    }

    [TestMethod]
    public void Read_SecondDocument_IsPreview1014AndTheFirstIsRead()
    {
        var result = ManifestReader.Read(File, "app: first\n---\napp: second\n");

        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.MultipleDocuments, 2, 1));
        Assert.AreEqual("first", result.Manifest!.App?.Value);
    }

    [TestMethod]
    public void Read_HealthFalse_DisablesTheHealthCheck()
    {
        var result = ManifestReader.Read(File, "services:\n  api:\n    health: false\n  web:\n    health: 'false'\n");

        var api = result.Manifest!.Services[0];
        Assert.IsTrue(api.IsHealthCheckDisabled);
        Assert.IsNull(api.Health);

        // Quoted, it is a path, and not a valid one.
        DiagnosticAssert.Exactly(result.Diagnostics, File, (DiagnosticCodes.InvalidValue, 5, 13));
    }

    [TestMethod]
    public void Read_AnchorsAndAliases_ShareSettings()
    {
        var result = ManifestReader.Read(File, """
            services:
              api: &defaults
                replicas: 2
                env: { Mode: preview }
              web: *defaults
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var web = result.Manifest!.Services[1];
        Assert.AreEqual(("web", 2, "Mode=preview"), (web.Name.Value, web.Replicas?.Value, $"{web.Environment[0].Name.Value}={web.Environment[0].Value}"));
    }

    [TestMethod]
    public void Read_EnvironmentValues_AreKeptAsWritten()
    {
        var result = ManifestReader.Read(File, """
            services:
              api:
                env:
                  Ratio: 1.50
                  Hex: 0x1F
                  Flag: yes
                  Quoted: "007"
                  Nothing: ~
                  Multi: >-
                    folded
                    text
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        CollectionAssert.AreEqual(
            new[] { "Ratio=1.50", "Hex=0x1F", "Flag=yes", "Quoted=007", "Nothing=", "Multi=folded text" },
            result.Manifest!.Services[0].Environment.Select(e => $"{e.Name.Value}={e.Value}").ToArray());
    }

    [TestMethod]
    public void Read_ManyProblems_AreAllReportedInOnePassOrderedByPosition()
    {
        var result = ManifestReader.Read(File, """
            servics: {}
            dependencies:
              db:
                databases: [""]
            services:
              api:
                replicas: 0
                uses: cache
            """);

        // PREVIEW1013 (line 3) is found after the line-4 problem inside the entry, yet is listed before it.
        DiagnosticAssert.Exactly(
            result.Diagnostics,
            File,
            (DiagnosticCodes.UnknownKey, 1, 1),
            (DiagnosticCodes.MissingRequiredKey, 3, 3),
            (DiagnosticCodes.InvalidValue, 4, 17),
            (DiagnosticCodes.InvalidValue, 7, 15),
            (DiagnosticCodes.WrongType, 8, 11));
        Assert.IsTrue(result.HasErrors);
        Assert.IsNotNull(result.Manifest);
    }

    [TestMethod]
    public void Read_Protocol_AcceptsHttp1AndHttp2Only()
    {
        var result = ManifestReader.Read("/repo/preview.yaml", """
            services:
              basket: { protocol: http2 }
              catalog: { protocol: http1 }
              web: { protocol: h2c }
            """);

        var services = result.Manifest!.Services;
        Assert.AreEqual(("http2", "http1"), (services[0].Protocol?.Value, services[1].Protocol?.Value));
        var error = result.Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.InvalidValue, 4, 20), (error.Code, error.Line, error.Column));
        Assert.Contains("use http1, or http2 for an endpoint that speaks HTTP/2 only", error.Message);
    }
}
