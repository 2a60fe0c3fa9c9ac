using PreviewSdk.Cli.AppHosts;

namespace PreviewSdk.Cli.Tests;

[TestClass]
public sealed class AspireManifestReaderTests
{
    [TestMethod]
    public void Parse_MapsEachResourceKindTheManifestHolds()
    {
        using var app = new AppFixture();

        var model = AspireManifestReader.Parse(app.Manifest, app.ManifestFolder);

        // project.v0: names, absolute paths, references from ConnectionStrings__x and services__x__http__0.
        CollectionAssert.AreEqual(new[] { "dbsetup", "catalogapi", "basket", "WebFrontend" }, model.Projects.Select(p => p.Name).ToArray());
        Assert.AreEqual(app.Catalog, model.Projects[1].ProjectPath);
        CollectionAssert.AreEqual(new[] { "catalogdb" }, model.Projects[1].References.ToArray());
        CollectionAssert.AreEqual(new[] { "catalogapi", "basket" }, model.Projects[3].References.ToArray());
        Assert.IsFalse(model.Projects[0].HasHttpBinding, "a worker has no HTTP binding");

        // container.v0 by image: postgres with its value.v0 databases, redis.
        Assert.AreEqual(("postgres", "catalogdb"), (model.Postgres.Single().Name, model.Postgres.Single().Databases.Single()));
        CollectionAssert.AreEqual(new[] { "cache" }, model.Redis.ToArray());

        // Other containers are reported; parameters and unreferenced values (parts of connection strings) are not.
        Assert.AreEqual(("mailer", "container.v0", "docker.io/maildev/maildev:2"), (model.Unmapped.Single().Name, model.Unmapped.Single().Type, model.Unmapped.Single().Image));
    }

    [TestMethod]
    public void Parse_Http2TransportOnEveryHttpBinding_IsHttp2Only()
    {
        var model = AspireManifestReader.Parse("""
            { "resources": {
              "grpc": { "type": "project.v0", "path": "/src/Grpc/Grpc.csproj",
                "bindings": { "http": { "scheme": "http", "transport": "http2" }, "https": { "scheme": "https", "transport": "http2" } } },
              "mixed": { "type": "project.v0", "path": "/src/Mixed/Mixed.csproj",
                "bindings": { "http": { "scheme": "http", "transport": "http" }, "grpc": { "scheme": "http", "transport": "http2" } } } } }
            """, "/tmp");

        Assert.IsTrue(model.Projects[0].Http2Only);
        Assert.IsFalse(model.Projects[1].Http2Only);
    }

    [TestMethod]
    public void Parse_NotAManifest_Throws()
    {
        Assert.ThrowsExactly<System.Text.Json.JsonException>(() => AspireManifestReader.Parse("""{ "name": "x" }""", "/tmp"));
    }
}
