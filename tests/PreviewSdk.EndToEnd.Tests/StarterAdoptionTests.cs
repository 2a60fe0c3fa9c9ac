using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using PreviewSdk.EndToEnd.Tests.Infrastructure;
using PreviewSdk.EndToEnd.Tests.Workspaces;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>
/// Adopting an existing Aspire app as a new user would: a copy of samples/Starter (an app host with AddPostgres and
/// AddRedis, health endpoints only in Development, a migrator that reports Degraded and writes demo rows, a gRPC
/// service on HTTP/2 only, a Blazor front end) gets its preview project from <c>previewsdk init</c>, then runs with
/// <c>-t:Preview</c> without a single edit, and goes down without a trace.
/// </summary>
[TestClass]
public sealed class StarterAdoptionTests(TestContext testContext)
{
    private static readonly TimeSpan InitTimeout = TimeSpan.FromMinutes(10);

    [TestMethod]
    public async Task InitThenPreview_StarterWithZeroEdits_ServesEveryLinkWithSeededRowsAndLeavesNothing()
    {
        var cancellationToken = testContext.CancellationToken;
        using var workspace = new TempFolder("previewsdk-e2e-starter-");
        CopyStarter(workspace.Root);

        var init = DotnetCli.Run(workspace.Root,
            ["run", "--project", Path.Combine(Repository.Root, "src", "PreviewSdk.Cli", "PreviewSdk.Cli.csproj"), "--", "init", workspace.Root],
            InitTimeout);
        testContext.WriteLine(init.Summary);
        Assert.AreEqual(0, init.ExitCode, init.ToString());
        Assert.Contains("Adopted Starter.AppHost.csproj: 4 services, 2 dependencies, 1 seeded databases.", init.Output, init.ToString());
        var project = Path.Combine(workspace.Root, "Starter.Preview", "Starter.Preview.csproj");
        Assert.IsTrue(File.Exists(project), init.ToString());
        // Reading the app host's model started nothing: no process of the copy runs once init is done.
        Assert.IsEmpty(ProcessesMentioning(workspace.Root), init.ToString());

        using var preview = new PreviewUnderTest(project, "starter", "adopt", testContext);
        var up = preview.Preview(["-p:PreviewTimeout=300"]);

        Assert.AreEqual(0, up.ExitCode, up.ToString());
        var links = preview.ReadLinks();
        CollectionAssert.AreEquivalent(new[] { "migrator", "catalogservice", "basketservice", "webfrontend" }, links.Services.Select(s => s.Name).ToList());
        Assert.Contains("catalogdb: 2 tables, 40 rows, seed 1", up.Output, up.ToString());
        Assert.DoesNotContain("warning PREVIEW", up.Output, up.ToString());

        // As a reviewer does: the shared link signs the browser in, then every link opens with the gateway's cookie.
        var token = StateFiles.ReadToken(preview.StateFolder);
        using var browser = new Browser();
        var signedIn = await browser.GetAsync(links.SharedLink, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, signedIn.Status, signedIn.ToString());
        var dashboard = await browser.GetAsync(links.Dashboard, cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, dashboard.Status, dashboard.ToString());
        Assert.Contains("<meta name=\"aspire-version\"", dashboard.Text, dashboard.ToString());
        await AssertTextAsync(browser, Link(links, "migrator"), "Catalog migrator: done", cancellationToken);
        await AssertTextAsync(browser, Link(links, "catalogservice"), "Catalog service: 20 items in 20 types.", cancellationToken);

        // The seeded rows, not the migrator's demo rows (existing: replace, the default).
        var items = await browser.GetAsync(Link(links, "catalogservice") + "/api/catalog/items", cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, items.Status, items.ToString());
        using var json = JsonDocument.Parse(items.Text);
        var names = json.RootElement.EnumerateArray().Select(item => item.GetProperty("name").GetString()!).ToList();
        Assert.HasCount(20, names, items.ToString());
        Assert.IsFalse(names.Any(name => name.StartsWith("Demo item", StringComparison.Ordinal)), items.ToString());

        // The gRPC service, HTTP/2 only: its link is the gateway's HTTP/2 port; it answers over HTTP/2 there, and a
        // real gRPC call with the token in its metadata goes through to Redis.
        var basket = Link(links, "basketservice");
        Assert.AreNotEqual(new Uri(Link(links, "catalogservice")).Port, new Uri(basket).Port, "The gRPC service is linked at the HTTP/1.1 port.");
        using (var http2 = new HttpClient(new SocketsHttpHandler { ConnectCallback = LoopbackNames.ConnectAsync })
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        })
        {
            http2.DefaultRequestHeaders.Add("X-Preview-Token", token);
            var text = await http2.GetStringAsync(basket + "/", cancellationToken);
            Assert.Contains("Basket service: a gRPC service (HTTP/2 only)", text);
        }

        var lines = await AddToBasketAsync(basket, token, "demo-buyer", productId: 7, quantity: 2, cancellationToken);
        Assert.AreEqual(1, lines);

        // The front end: the seeded items (through service discovery) and the basket (through gRPC).
        var web = await browser.GetAsync(Link(links, "webfrontend") + "/", cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, web.Status, web.ToString());
        Assert.Contains("Your basket: 1 lines.", web.Text, web.ToString());
        Assert.Contains(WebUtility.HtmlEncode(names[0]), web.Text, web.ToString());
        Assert.DoesNotContain("Demo item", web.Text, web.ToString());

        var down = preview.Down();
        Assert.AreEqual(0, down.ExitCode, down.ToString());
        EnvironmentAssert.LeftNothingBehind(preview, preview.SeenEnvironmentIds, down);
        EnvironmentAssert.NothingListensAt([links.Dashboard, .. links.Services.Select(service => service.Url)]);
    }

    // AddItem(buyer_id = 1, product_id = 2, quantity = 3) → CustomerBasket(buyer_id = 1, items = 2): encoded by hand,
    // so the test needs Grpc.Net.Client only, no code generation.
    private static async Task<int> AddToBasketAsync(string address, string token, string buyer, int productId, int quantity, CancellationToken cancellationToken)
    {
        var bytes = Marshallers.Create<byte[]>(value => value, value => value);
        var addItem = new Method<byte[], byte[]>(MethodType.Unary, "basket.Basket", "AddItem", bytes, bytes);
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { ConnectCallback = LoopbackNames.ConnectAsync } });
        var buyerBytes = Encoding.UTF8.GetBytes(buyer);
        byte[] request = [0x0A, (byte)buyerBytes.Length, .. buyerBytes, 0x10, (byte)productId, 0x18, (byte)quantity];
        var metadata = new Metadata { { "x-preview-token", token } };
        var response = await channel.CreateCallInvoker().AsyncUnaryCall(addItem, null, new CallOptions(metadata, cancellationToken: cancellationToken), request);

        // Count the repeated field 2 (items): tag 0x12 at the top level.
        var lines = 0;
        for (var index = 0; index < response.Length;)
        {
            var tag = response[index];
            var length = response[index + 1];
            lines += tag == 0x12 ? 1 : 0;
            index += 2 + length;
        }

        return lines;
    }

    private static async Task AssertTextAsync(Browser browser, string url, string expected, CancellationToken cancellationToken)
    {
        var page = await browser.GetAsync(url + "/", cancellationToken);
        Assert.AreEqual(HttpStatusCode.OK, page.Status, page.ToString());
        Assert.Contains(expected, page.Text, page.ToString());
    }

    private static List<string> ProcessesMentioning(string path) =>
        Directory.EnumerateDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Select(folder =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return string.Empty;
                }
            })
            .Where(command => command.Contains(path, StringComparison.Ordinal))
            .ToList();

    private static string Link(StateFiles.LinksFile links, string service) => links.Services.Single(s => s.Name == service).Url.TrimEnd('/');

    // The sample as a user's clone has it: sources only, no build output, no preview project.
    private static void CopyStarter(string target)
    {
        var source = Path.Combine(Repository.Root, "samples", "Starter");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        Assert.IsFalse(Directory.Exists(Path.Combine(target, "Starter.Preview")), "samples/Starter must not carry a preview project.");
    }
}
