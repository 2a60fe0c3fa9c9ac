using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real image registry (Debian's <c>docker-registry</c>, the CNCF distribution server) on a free loopback port,
/// storage in a temporary folder, optionally read-only (it then refuses every push), holding a base image the .NET
/// SDK can build on: a tiny OCI image made with umoci from a folder of a few files and copied in with skopeo. Nothing
/// runs the images here (no engine); they only need to be pushable and inspectable.
/// </summary>
internal sealed class LocalRegistry : IDisposable
{
    public const string BaseRepository = "dotnet/aspnet";
    public const string BaseTag = "10.0";

    private static readonly Lazy<string> BaseLayout = new(CreateBaseLayout);
    private readonly string folder;
    private Process server;

    private LocalRegistry(Process server, string folder, int port)
    {
        this.server = server;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The registry's host and port, as image references and PreviewRegistry write it.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public string BaseImage => $"{Host}/{BaseRepository}:{BaseTag}";

    /// <summary>
    /// Starts a registry holding the base image; <paramref name="readOnly"/> restarts it read-only on the same storage
    /// afterwards, so the base image can be pulled but nothing pushed.
    /// </summary>
    public static LocalRegistry Start(bool readOnly = false)
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-registry-").FullName;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var registry = new LocalRegistry(Serve(folder, port, readOnly: false), folder, port);
        registry.WaitUntilAnswering();
        registry.PushBaseImage();
        if (readOnly)
        {
            registry.Stop();
            registry.server = Serve(folder, port, readOnly: true);
            registry.WaitUntilAnswering();
        }

        return registry;
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(folder, recursive: true);
    }

    private static Process Serve(string folder, int port, bool readOnly)
    {
        var config = Path.Combine(folder, readOnly ? "config-readonly.yml" : "config.yml");
        File.WriteAllText(config, $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {Path.Combine(folder, "data")}
              maintenance:
                readonly:
                  enabled: {(readOnly ? "true" : "false")}
            http:
              addr: 127.0.0.1:{port}
            """);
        var server = Process.Start(new ProcessStartInfo("/usr/bin/docker-registry", ["serve", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }

    private void Stop()
    {
        if (!server.HasExited)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }

        server.Dispose();
    }

    private void WaitUntilAnswering()
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (client.GetAsync($"http://{Host}/v2/").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(100);
        }

        throw new InvalidOperationException($"docker-registry did not answer on {Host} within 30 s.");
    }

    private void PushBaseImage() =>
        Run("skopeo", ["copy", "--quiet", "--dest-tls-verify=false", $"oci:{BaseLayout.Value}:base", $"docker://{BaseImage}"]);

    // Made once per test run: an OCI layout with one layer (os-release and a passwd naming the .NET images' app user).
    private static string CreateBaseLayout()
    {
        var root = Directory.CreateTempSubdirectory("previewsdk-base-image-").FullName;
        var rootfs = Path.Combine(root, "rootfs", "etc");
        Directory.CreateDirectory(rootfs);
        File.WriteAllText(Path.Combine(rootfs, "os-release"), "ID=previewsdk-test-base\nNAME=\"PreviewSdk test base image (not runnable)\"\n");
        File.WriteAllText(Path.Combine(rootfs, "passwd"), "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/home/app:/sbin/nologin\n");
        var layout = Path.Combine(root, "layout");
        Run("umoci", ["init", "--layout", layout]);
        Run("umoci", ["new", "--image", $"{layout}:base"]);
        Run("umoci", ["insert", "--image", $"{layout}:base", rootfs, "/etc"]);
        Run("umoci", ["config", "--image", $"{layout}:base", "--os", "linux", "--architecture", "amd64", "--config.user", "1654", "--config.workingdir", "/app"]);
        return layout;
    }

    private static void Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
