using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Kubernetes.Rendering;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Kubernetes.Tests.Infrastructure;

/// <summary>
/// samples/Shop/Shop.Preview planned as the build plans it (its real preview.yaml and ProjectReferences), and
/// rendered for the cluster with fixed names: environment <c>main</c>, owner <c>Ada Lovelace</c>, domain
/// <c>preview.example.com</c>, registry <c>registry.example.com/previews</c>.
/// </summary>
internal static class ShopSample
{
    public const string Domain = "preview.example.com";
    public const string Registry = "registry.example.com/previews";
    public const string SdkVersion = "0.1.0";

    public static string PreviewFolder => Path.Combine(RepositoryRoot.Find(), "samples", "Shop", "Shop.Preview");

    public static string ManifestPath => Path.Combine(PreviewFolder, "preview.yaml");

    /// <summary>The profiles the sample's preview.yaml can run with.</summary>
    public static IReadOnlyList<string> Profiles()
    {
        var manifest = Core.Manifest.ManifestReader.ReadFile(ManifestPath).Manifest!;
        return Core.Profiles.ProfileCatalog.Names(manifest);
    }

    public static EnvironmentPlan Plan(string profile = "lightweight")
    {
        var shop = Path.Combine(RepositoryRoot.Find(), "samples", "Shop");
        IReadOnlyList<ServiceProject> projects =
        [
            new(Path.Combine(shop, "Shop.Api", "Shop.Api.csproj"), IsRunnable: true, IsWeb: true),
            new(Path.Combine(shop, "Shop.Worker", "Shop.Worker.csproj"), IsRunnable: true, IsWeb: false),
            new(Path.Combine(shop, "Shop.Web", "Shop.Web.csproj"), IsRunnable: true, IsWeb: true),
        ];
        var result = PreviewPlanner.Plan(ManifestPath, Path.Combine(PreviewFolder, "Shop.Preview.csproj"), "Shop.Preview", projects, profile);
        Assert.IsNotNull(result.Plan, string.Join("\n", result.Diagnostics));
        return result.Plan;
    }

    public static KubernetesSettings Settings(string? publicUrl = null, string? ingressClass = "nginx")
    {
        var diagnostics = new DiagnosticBag();
        var settings = KubernetesSettingsReader.Read(
            new KubernetesSettingsText { Registry = Registry, IngressClass = ingressClass },
            new GatewaySettingsText { Domain = publicUrl is null ? Domain : null, PublicUrl = publicUrl },
            registryRequired: true,
            SourceLocation.WholeFile("Shop.Preview.csproj"),
            diagnostics);
        Assert.IsNotNull(settings, string.Join("\n", diagnostics));
        return settings;
    }

    public static RenderRequest Request(string profile, KubernetesSettings? settings = null, string environment = "main", string? budgetFile = null)
    {
        var plan = Plan(profile);
        settings ??= Settings();
        var images = plan.Services.ToDictionary(service => service.Name, service => ImageNames.Service(settings.Registry, plan.AppName, service.Name, environment));
        var diagnostics = new DiagnosticBag();
        var prepared = RenderInputs.Prepare(
            plan,
            ManifestPath,
            Path.Combine(PreviewFolder, "Shop.Preview.csproj"),
            new EnvironmentIdentity { Name = environment, Profile = profile, Owner = "Ada Lovelace", Branch = environment, BudgetFile = budgetFile },
            settings,
            images,
            ImageNames.Product(settings.Registry, SdkVersion),
            diagnostics);
        Assert.IsNotNull(prepared, string.Join("\n", diagnostics));
        return prepared.Value.Request;
    }

    public static RenderedEnvironment Render(string profile, KubernetesSettings? settings = null, string environment = "main") =>
        EnvironmentRenderer.Render(Request(profile, settings, environment));
}
