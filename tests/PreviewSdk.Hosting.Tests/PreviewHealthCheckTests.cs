using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The readiness probe of a web service against real Kestrel endpoints: what it says (URL, status), an HTTP/2-only
/// endpoint (as gRPC services set theirs up), and a service that answers 200 while it reports itself Degraded.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class PreviewHealthCheckTests
{
    [TestMethod]
    public async Task Answers_NameTheUrlAndStatus_AndRecordADegradedReport()
    {
        await using var server = await ServeAsync(HttpProtocols.Http1, "Degraded", StatusCodes.Status200OK);
        var (check, states) = Probe("migrator", server.Port, http2: false);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.AreEqual(HealthStatus.Healthy, result.Status, "Degraded answers 200: up, as far as readiness goes.");
        Assert.AreEqual($"GET http://localhost:{server.Port}/health answered 200 OK (Degraded)", result.Description);
        Assert.IsTrue(states.IsDegraded("migrator"), "the seeding must still see that the service is not done");
    }

    [TestMethod]
    public async Task NotFound_IsUnhealthyWithTheStatus()
    {
        await using var server = await ServeAsync(HttpProtocols.Http1, null, StatusCodes.Status404NotFound);
        var (check, _) = Probe("catalog", server.Port, http2: false);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.AreEqual(HealthStatus.Unhealthy, result.Status);
        Assert.AreEqual($"GET http://localhost:{server.Port}/health answered 404 Not Found", result.Description);
    }

    [TestMethod]
    public async Task Http2OnlyEndpoint_IsReachedWithHttp2_DeclaredOrFoundOut()
    {
        await using var server = await ServeAsync(HttpProtocols.Http2, "Healthy", StatusCodes.Status200OK);
        var (declared, _) = Probe("basket", server.Port, http2: true);
        var (undeclared, _) = Probe("basket", server.Port, http2: false);

        var first = await declared.CheckHealthAsync(new HealthCheckContext());
        var found = await undeclared.CheckHealthAsync(new HealthCheckContext());

        Assert.AreEqual((HealthStatus.Healthy, $"GET http://localhost:{server.Port}/health (HTTP/2) answered 200 OK (Healthy)"), (first.Status, first.Description));
        Assert.AreEqual(HealthStatus.Healthy, found.Status, found.Description);
        Assert.AreEqual($"GET http://localhost:{server.Port}/health (HTTP/2 only: set protocol: http2 for the service in preview.yaml) answered 200 OK (Healthy)", found.Description);
    }

    [TestMethod]
    public async Task NothingListening_IsUnhealthySayingSo()
    {
        int port;
        await using (var server = await ServeAsync(HttpProtocols.Http1, null, StatusCodes.Status200OK))
        {
            port = server.Port;
        }

        var (check, _) = Probe("web", port, http2: false);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.AreEqual(HealthStatus.Unhealthy, result.Status);
        Assert.AreEqual($"GET http://localhost:{port}/health failed: connection refused (nothing listens there yet)", result.Description);
    }

    // A service resource whose http endpoint is allocated at the test server's port, probed by WithPreviewHealthCheck.
    private static (IHealthCheck Check, ServiceHealthStates States) Probe(string name, int port, bool http2)
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var project = Path.Combine(test.StateDirectory, name, name + ".csproj");
        Directory.CreateDirectory(Path.GetDirectoryName(project)!);
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
        var service = builder.AddProject(name, project, launchProfileName: null)
            .WithHttpEndpoint(name: "http")
            .WithPreviewHealthCheck("/health", http2);
        var endpoint = service.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
        var provider = builder.Services.BuildServiceProvider();
        var registration = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == $"{name}_preview_health");
        return (registration.Factory(provider), provider.GetRequiredService<ServiceHealthStates>());
    }

    private static async Task<TestServer> ServeAsync(HttpProtocols protocols, string? body, int status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        var app = builder.Build();
        app.MapGet("/health", () => Results.Text(body ?? string.Empty, statusCode: status));
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        return new TestServer(app, port);
    }

    private sealed record TestServer(WebApplication App, int Port) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
