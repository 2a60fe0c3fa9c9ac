namespace PreviewSdk.Cli.Tests;

/// <summary>
/// A small Aspire app on disk, in the shape the templates give one: an app host, a catalog API and its EF Core data
/// project (with a migration and a model snapshot), a worker that migrates, a gRPC basket service on HTTP/2 only
/// (in appsettings.json, which the manifest does not show) and a web front end; and the publish manifest its app
/// host would write, referring to those projects.
/// </summary>
internal sealed class AppFixture : IDisposable
{
    private readonly TempFolder folder = new();

    public AppFixture(string migratorSdk = "Microsoft.NET.Sdk.Worker", string migratorName = "Shop.DbSetup")
    {
        AppHost = folder.Write("""<Project Sdk="Aspire.AppHost.Sdk/13.6.4"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>""", "Shop.AppHost", "Shop.AppHost.csproj");
        Data = folder.Write("""<Project Sdk="Microsoft.NET.Sdk" />""", "Shop.Data", "Shop.Data.csproj");
        folder.Write("""
            [DbContext(typeof(CatalogContext))]
            [Migration("20261201000000_Initial")]
            partial class Initial { }
            """, "Shop.Data", "Migrations", "20261201000000_Initial.Designer.cs");
        folder.Write("""
            [DbContext(typeof(CatalogContext))]
            partial class CatalogContextModelSnapshot : ModelSnapshot
            {
                protected override void BuildModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Shop.Data.CatalogType", b => { b.ToTable("catalog_types"); });
                    modelBuilder.Entity("Shop.Data.CatalogItem", b => { b.ToTable("catalog_items", "catalog"); });
                }
            }
            """, "Shop.Data", "Migrations", "CatalogContextModelSnapshot.cs");
        Catalog = Project("Shop.Catalog", "Microsoft.NET.Sdk.Web", "../Shop.Data/Shop.Data.csproj");
        Migrator = Project(migratorName, migratorSdk, "../Shop.Data/Shop.Data.csproj");
        Basket = Project("Shop.Basket", "Microsoft.NET.Sdk.Web");
        folder.Write("""{ "Kestrel": { "EndpointDefaults": { "Protocols": "Http2" } } }""", "Shop.Basket", "appsettings.json");
        Web = Project("Shop.Web", "Microsoft.NET.Sdk.Web");
    }

    public string Root => folder.Root;

    public string AppHost { get; }

    public string Data { get; }

    public string Catalog { get; }

    public string Migrator { get; }

    public string Basket { get; }

    public string Web { get; }

    /// <summary>The publish manifest, written (as Aspire does) with project paths relative to <see cref="ManifestFolder"/>.</summary>
    public string ManifestFolder => folder.PathOf("obj-manifest");

    public string Manifest => $$"""
        {
          "resources": {
            "cache": { "type": "container.v0", "image": "docker.io/library/redis:8.6", "connectionString": "{cache.bindings.tcp.host}:{cache.bindings.tcp.port}" },
            "postgres": { "type": "container.v0", "image": "docker.io/library/postgres:18.3", "connectionString": "Host={postgres.bindings.tcp.host}" },
            "catalogdb": { "type": "value.v0", "connectionString": "{postgres.connectionString};Database=catalogdb" },
            "cond-cache-tls": { "type": "value.v0", "connectionString": ",ssl=true" },
            "mailer": { "type": "container.v0", "image": "docker.io/maildev/maildev:2" },
            "postgres-password": { "type": "parameter.v0", "value": "{postgres-password.inputs.value}" },
            "dbsetup": { "type": "project.v0", "path": "{{Relative(Migrator)}}",
              "env": { "ConnectionStrings__catalogdb": "{catalogdb.connectionString}" },
              "bindings": {} },
            "catalogapi": { "type": "project.v0", "path": "{{Relative(Catalog)}}",
              "env": { "ConnectionStrings__catalogdb": "{catalogdb.connectionString}", "CATALOGDB_HOST": "{postgres.bindings.tcp.host}" },
              "bindings": { "http": { "scheme": "http", "transport": "http" }, "https": { "scheme": "https", "transport": "http" } } },
            "basket": { "type": "project.v0", "path": "{{Relative(Basket)}}",
              "env": { "ConnectionStrings__cache": "{cache.connectionString}" },
              "bindings": { "http": { "scheme": "http", "transport": "http" } } },
            "WebFrontend": { "type": "project.v0", "path": "{{Relative(Web)}}",
              "env": {
                "services__catalogapi__http__0": "{catalogapi.bindings.http.url}",
                "services__catalogapi__https__0": "{catalogapi.bindings.https.url}",
                "CATALOGAPI_HTTP": "{catalogapi.bindings.http.url}",
                "services__basket__http__0": "{basket.bindings.http.url}" },
              "bindings": { "http": { "scheme": "http", "transport": "http", "external": true } } }
          }
        }
        """;

    public void Dispose() => folder.Dispose();

    private string Project(string name, string sdk, string? reference = null) =>
        folder.Write($"""
            <Project Sdk="{sdk}">
              <ItemGroup>{(reference is null ? string.Empty : $"<ProjectReference Include=\"{reference.Replace('/', '\\')}\" />")}</ItemGroup>
            </Project>
            """, name, name + ".csproj");

    private string Relative(string project) => Path.GetRelativePath(ManifestFolder, project).Replace('\\', '/');
}
