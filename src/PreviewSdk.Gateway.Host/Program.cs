using System.Net;
using System.Text.Json;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Host;
using PreviewSdk.Gateway.Server;

// previewsdk/gateway <config.json>: the Kubernetes target's gateway Deployment runs this with the ConfigMap's file.
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: PreviewSdk.Gateway.Host <gateway.json> (the file the Kubernetes target's ConfigMap mounts)");
    return 2;
}

var config = JsonSerializer.Deserialize<StandaloneGatewayConfig>(File.ReadAllText(args[0]), StateJson.Options)
    ?? throw new InvalidDataException($"{args[0]} is empty.");
var diagnostics = new DiagnosticBag();
var settings = GatewaySettingsReader.Read(new GatewaySettingsText
{
    PublicUrl = config.PublicUrl.ToString(),
    BindAddress = IPAddress.Any.ToString(),
    Port = config.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    Auth = config.Auth,
    TrustedProxies = string.Join(';', config.TrustedProxies),
}, SourceLocation.WholeFile(args[0]), diagnostics);
if (settings is null)
{
    foreach (var diagnostic in diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 1;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
using var directory = new ProbedDirectory(config);
await using var gateway = await PreviewGateway.StartAsync(new GatewayOptions
{
    Settings = settings,
    Environment = config.Environment,
    EnvironmentId = config.EnvironmentId,
    StateDirectory = config.TokenDirectory,
    Services = [.. config.Services.Select(service => service.Name)],
    Upstreams = new StaticUpstreams(config.Services),
    Directory = directory,
}, null, stop.Token);
directory.Addresses = gateway.Addresses;
Console.WriteLine($"Gateway of preview '{config.Environment}' listening on port {gateway.Port}; links directory {gateway.Addresses.DirectoryUrl}");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // SIGTERM from the kubelet: stop listening and end.
}

return 0;
