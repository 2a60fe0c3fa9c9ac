using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace PreviewSdk.Kubernetes.Tests.StandIn;

/// <summary>
/// A STAND-IN for a Kubernetes API server, over real HTTP on the loopback, because no cluster is reachable from
/// here. It implements only the calls PreviewSdk makes: <c>/version</c>; namespaces list (equality label selectors),
/// get, server-side apply (PATCH) and delete (with everything in them); server-side apply and get of the namespaced
/// kinds PreviewSdk renders and of the cluster roles. Apply stores the body as sent (a real server merges by field
/// manager); workloads get a status per <see cref="Readiness"/>. Every request is recorded.
/// </summary>
internal sealed class KubernetesApiStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, JsonObject> objects = new(StringComparer.Ordinal);

    private KubernetesApiStandIn(WebApplication app) => this.app = app;

    /// <summary>How workloads report: ready at once, never ready, or (Jobs) failed.</summary>
    public enum Mode { Ready, NeverReady, JobsFail }

    public Mode Readiness { get; set; } = Mode.Ready;

    /// <summary>When set, applying an object of this kind answers 422 like an admission refusal.</summary>
    public string? RefuseKind { get; set; }

    /// <summary>When set, every call answers 403 (an account without the RBAC).</summary>
    public bool Forbid { get; set; }

    public Uri Address { get; private set; } = null!;

    public ConcurrentQueue<(string Method, string Path, string Query, string? ContentType)> Requests { get; } = new();

    public static async Task<KubernetesApiStandIn> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var standIn = new KubernetesApiStandIn(app);
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return standIn;
    }

    /// <summary>A kubeconfig naming this stand-in as cluster <c>stand-in</c>, context <c>stand-in</c>.</summary>
    public string WriteKubeconfig(string folder, string context = "stand-in")
    {
        var path = Path.Combine(folder, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: stand-in
              cluster:
                server: {Address.ToString().TrimEnd('/')}
            users:
            - name: tester
              user:
                token: stand-in-token
            contexts:
            - name: {context}
              context:
                cluster: stand-in
                user: tester
            current-context: {context}
            """);
        return path;
    }

    public JsonObject? Get(string path) => objects.TryGetValue(path, out var value) ? value : null;

    public IEnumerable<string> Paths => objects.Keys;

    /// <summary>Creates a namespace directly (someone else's, or an expired environment's).</summary>
    public void AddNamespace(string name, IDictionary<string, string>? labels = null, IDictionary<string, string>? annotations = null, DateTime? created = null)
    {
        var metadata = new JsonObject
        {
            ["name"] = name,
            ["creationTimestamp"] = (created ?? DateTime.UtcNow).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["labels"] = Map(labels),
            ["annotations"] = Map(annotations),
        };
        objects[$"/api/v1/namespaces/{name}"] = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = metadata, ["status"] = new JsonObject { ["phase"] = "Active" } };
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value!.TrimEnd('/');
        Requests.Enqueue((request.Method, path, request.QueryString.Value ?? string.Empty, request.ContentType));
        if (Forbid)
        {
            await StatusAsync(context, 403, "Forbidden", "namespaces is forbidden: User \"tester\" cannot list resource \"namespaces\"");
            return;
        }

        if (path == "/version")
        {
            await JsonAsync(context, new JsonObject { ["major"] = "1", ["minor"] = "33", ["gitVersion"] = "v1.33.0-stand-in" });
            return;
        }

        switch (request.Method)
        {
            case "GET" when path == "/api/v1/namespaces":
                var selector = request.Query["labelSelector"].ToString();
                var items = new JsonArray();
                foreach (var (key, value) in objects.Where(entry => IsNamespacePath(entry.Key)).OrderBy(entry => entry.Key, StringComparer.Ordinal))
                {
                    if (Matches(value, selector))
                    {
                        items.Add(value.DeepClone());
                    }
                }

                await JsonAsync(context, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "NamespaceList", ["metadata"] = new JsonObject(), ["items"] = items });
                return;
            case "GET":
                if (objects.TryGetValue(path, out var found))
                {
                    await JsonAsync(context, WithStatus(path, found));
                }
                else
                {
                    await StatusAsync(context, 404, "NotFound", $"{path} not found");
                }

                return;
            case "PATCH":
                await ApplyAsync(context, path);
                return;
            case "DELETE" when IsNamespacePath(path):
                if (!objects.TryRemove(path, out var removed))
                {
                    await StatusAsync(context, 404, "NotFound", $"namespaces \"{path.Split('/')[^1]}\" not found");
                    return;
                }

                foreach (var inside in objects.Keys.Where(key => key.Contains($"/namespaces/{path.Split('/')[^1]}/", StringComparison.Ordinal)).ToList())
                {
                    objects.TryRemove(inside, out _);
                }

                await JsonAsync(context, removed);
                return;
            default:
                await StatusAsync(context, 405, "MethodNotAllowed", $"the stand-in does not implement {request.Method} {path}");
                return;
        }
    }

    private async Task ApplyAsync(HttpContext context, string path)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var kind = body["kind"]!.GetValue<string>();
        if (kind == RefuseKind)
        {
            await StatusAsync(context, 422, "Invalid", $"{kind} \"{body["metadata"]!["name"]}\" is invalid: refused by the stand-in's admission rule");
            return;
        }

        // Namespaced objects need their namespace, as on a real server.
        var segments = path.Split('/');
        var nsIndex = Array.IndexOf(segments, "namespaces");
        if (nsIndex >= 0 && segments.Length > nsIndex + 2 && !objects.ContainsKey($"/api/v1/namespaces/{segments[nsIndex + 1]}"))
        {
            await StatusAsync(context, 404, "NotFound", $"namespaces \"{segments[nsIndex + 1]}\" not found");
            return;
        }

        var metadata = body["metadata"]!.AsObject();
        var existing = objects.GetValueOrDefault(path);
        metadata["creationTimestamp"] = existing?["metadata"]?["creationTimestamp"]?.DeepClone() ?? DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
        metadata["generation"] = (existing?["metadata"]?["generation"]?.GetValue<int>() ?? 0) + 1;
        if (kind == "Namespace")
        {
            body["status"] = new JsonObject { ["phase"] = "Active" };
        }

        objects[path] = body;
        await JsonAsync(context, body);
    }

    private JsonObject WithStatus(string path, JsonObject stored)
    {
        var copy = stored.DeepClone().AsObject();
        var kind = copy["kind"]?.GetValue<string>();
        var replicas = copy["spec"]?["replicas"]?.GetValue<int>() ?? 1;
        var ready = Readiness != Mode.NeverReady ? replicas : 0;
        var generation = copy["metadata"]?["generation"]?.GetValue<int>() ?? 1;
        copy["status"] = kind switch
        {
            "Deployment" => new JsonObject { ["observedGeneration"] = generation, ["replicas"] = replicas, ["updatedReplicas"] = ready, ["readyReplicas"] = ready, ["availableReplicas"] = ready },
            "StatefulSet" => new JsonObject { ["observedGeneration"] = generation, ["replicas"] = replicas, ["readyReplicas"] = ready },
            "Job" => Readiness switch
            {
                Mode.Ready => new JsonObject { ["succeeded"] = 1 },
                Mode.JobsFail => new JsonObject { ["failed"] = 3, ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Failed", ["status"] = "True", ["reason"] = "BackoffLimitExceeded", ["message"] = "Job has reached the specified backoff limit" }) },
                _ => new JsonObject { ["active"] = 1 },
            },
            _ => copy["status"]?.DeepClone(),
        };
        return copy;
    }

    private static bool IsNamespacePath(string path) => path.StartsWith("/api/v1/namespaces/", StringComparison.Ordinal) && path.Count(c => c == '/') == 4;

    private static bool Matches(JsonObject item, string selector)
    {
        var labels = item["metadata"]?["labels"] as JsonObject;
        foreach (var requirement in selector.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = requirement.Split('=', 2);
            if (parts.Length != 2 || labels?[parts[0]]?.GetValue<string>() != parts[1])
            {
                return false;
            }
        }

        return true;
    }

    private static JsonObject Map(IDictionary<string, string>? values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            map[key] = value;
        }

        return map;
    }

    private static Task JsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task StatusAsync(HttpContext context, int code, string reason, string message)
    {
        context.Response.StatusCode = code;
        return JsonAsync(context, new JsonObject { ["kind"] = "Status", ["apiVersion"] = "v1", ["status"] = "Failure", ["reason"] = reason, ["message"] = message, ["code"] = code });
    }
}
