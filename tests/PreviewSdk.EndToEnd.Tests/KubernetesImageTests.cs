using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// The Kubernetes target's images: <c>-t:PreviewRender</c> with <c>PreviewRegistry</c> pointing at a real local
/// registry pushes the Shop's service images (and PreviewSdk's gateway, seeder and sweeper) with the .NET SDK's
/// container support, no engine; the test pulls their manifests back from the registry's HTTP API and finds the
/// digests the rendered manifests pin. A registry that refuses pushes is PREVIEW7030 and nothing is rendered.
/// </summary>
[TestClass]
public sealed partial class KubernetesImageTests
{
    private static readonly string[] Images = ["shop/shop-api", "shop/shop-worker", "shop/shop-web", "previewsdk/gateway", "previewsdk/seeder", "previewsdk/sweeper"];

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public async Task PreviewRender_PushesTheServiceImages_AndPinsTheirDigests()
    {
        using var registry = LocalRegistry.Start();
        using var output = new TempFolder("previewsdk-render-images-");
        var result = Render(registry, output.Root);
        Assert.AreEqual(0, result.ExitCode, result.ToString());

        using var client = new HttpClient();
        var rendered = string.Join("\n", Directory.GetFiles(output.Root, "*.yaml").Select(File.ReadAllText));
        foreach (var image in Images)
        {
            var tag = image.StartsWith("shop/", StringComparison.Ordinal) ? "k8s-images" : "0.1.0";
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registry.Host}/v2/previews/{image}/manifests/{tag}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.manifest.v1+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
            using var response = await client.SendAsync(request);
            Assert.IsTrue(response.IsSuccessStatusCode, $"{image}:{tag}: {(int)response.StatusCode}");
            var digest = response.Headers.GetValues("Docker-Content-Digest").Single();
            var manifest = await response.Content.ReadAsStringAsync();
            StringAssert.Contains(manifest, "\"layers\"");
            if (image != "previewsdk/sweeper")
            {
                StringAssert.Contains(rendered, $"image: {registry.Host}/previews/{image}:{tag}@{digest}", $"the manifests pin {image}");
            }
        }

        StringAssert.Contains(File.ReadAllText(Path.Combine(output.Root, "cluster", "04-cronjob-previewsdk-sweeper.yaml")), $"{registry.Host}/previews/previewsdk/sweeper:0.1.0@sha256:");
    }

    [TestMethod]
    [Timeout(900_000, CooperativeCancellation = true)]
    public void ARegistryThatRefusesThePush_IsPREVIEW7030_AndNothingIsRendered()
    {
        using var registry = LocalRegistry.Start(readOnly: true);
        using var output = new TempFolder("previewsdk-render-refused-");
        var result = Render(registry, output.Root);
        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        foreach (var name in new[] { "shop-api", "shop-worker", "shop-web" })
        {
            StringAssert.Contains(result.Output, $"error PREVIEW7030: The image of '{name}' could not be pushed to {registry.Host}/previews");
        }

        Assert.IsEmpty(Directory.GetFiles(output.Root, "*.yaml", SearchOption.AllDirectories), "nothing rendered");
    }

    private static CommandResult Render(LocalRegistry registry, string output) => DotnetCli.Run(
        Repository.Root,
        [
            "build", Repository.ShopPreviewProject, "-t:PreviewRender", "-p:PreviewTarget=kubernetes", "-p:PreviewName=k8s-images",
            "-p:PreviewDomain=preview.example.com", $"-p:PreviewRegistry={registry.Host}/previews", $"-p:PreviewContainerBaseImage={registry.BaseImage}",
            $"-p:PreviewRenderDirectory={output}/",
        ],
        TimeSpan.FromMinutes(12),
        new Dictionary<string, string?> { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry.Host });
}
