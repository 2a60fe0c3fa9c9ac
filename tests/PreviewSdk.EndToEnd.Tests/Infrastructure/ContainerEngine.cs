using System.Diagnostics;
using System.Text.Json;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The machine's real container engine, as the tests see it from outside the product: through the <c>podman</c> (or
/// <c>docker</c>) command line, as a user inspects it. <see cref="Require"/> makes it answer first: build/engine.sh
/// (which reuses an engine that answers, else installs and starts Podman as root) and build/images.sh (which builds
/// the images the Shop's container profiles run here, unless they are there already).
/// </summary>
internal static class ContainerEngine
{
    /// <summary>The images build/images.sh provides, as -p:PreviewContainerRegistry=localhost names them.</summary>
    public const string Registry = "localhost";

    /// <summary>The base image of services built into images, in build/images.sh's local registry.</summary>
    public const string BaseImage = "localhost:5000/previewsdk/dotnet-aspnet:10.0";

    private static readonly Lazy<string?> DockerHostValue = new(Start);

    /// <summary>The DOCKER_HOST of the engine; the test is inconclusive where no engine can be had.</summary>
    public static string Require()
    {
        if (DockerHostValue.Value is not { } host)
        {
            Assert.Inconclusive("No container engine answers here and build/engine.sh could not start one (it needs root and Debian's podman).");
            throw new UnreachableException();
        }

        return host;
    }

    /// <summary>The command-line tool of the engine: podman where it is installed, else docker.</summary>
    public static string Cli { get; } = File.Exists("/usr/bin/podman") ? "/usr/bin/podman" : "docker";

    /// <summary>Runs the engine's tool; fails the test when it fails.</summary>
    public static string Run(params string[] arguments)
    {
        var (exitCode, output) = TryRun(arguments);
        Assert.AreEqual(0, exitCode, $"{Cli} {string.Join(' ', arguments)}: {output}");
        return output;
    }

    /// <summary>Runs the engine's tool: its exit code and output (stdout, then stderr).</summary>
    public static (int ExitCode, string Output) TryRun(params string[] arguments)
    {
        var start = new ProcessStartInfo(Cli, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOCKER_HOST"] = Require();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>The names of everything (containers, volumes, networks) labelled with <paramref name="environmentId"/>.</summary>
    public static IReadOnlyList<string> Labelled(string environmentId)
    {
        var filter = $"label=previewsdk.environment={environmentId}";
        return Lines(Run("ps", "-a", "--filter", filter, "--format", "{{.Names}}")).Select(name => $"container {name}")
            .Concat(Lines(Run("volume", "ls", "--filter", filter, "--format", "{{.Name}}")).Select(name => $"volume {name}"))
            .Concat(Lines(Run("network", "ls", "--filter", filter, "--format", "{{.Name}}")).Select(name => $"network {name}"))
            .ToList();
    }

    /// <summary>
    /// The ids of the containers of the environment's resources: labelled with <paramref name="environmentId"/>, less
    /// the helper of a seeded-data template's build (labelled too, so a teardown removes it, but there only for the
    /// seconds of the build, which may be under way when the environment is ready).
    /// </summary>
    public static IReadOnlyList<string> Containers(string environmentId) =>
        Lines(Run("ps", "-a", "--filter", $"label=previewsdk.environment={environmentId}", "--format", "{{.ID}} {{.Names}}"))
            .Where(line => !line.Contains(" previewsdk-template-build-", StringComparison.Ordinal))
            .Select(line => line.Split(' ')[0])
            .ToList();

    /// <summary><c>inspect</c> of one container, as JSON.</summary>
    public static JsonElement Inspect(string container) =>
        JsonDocument.Parse(Run("container", "inspect", container)).RootElement[0];

    /// <summary>Whether a container, volume or network of that name exists.</summary>
    public static bool Exists(string kind, string name) => TryRun(kind, "exists", name).ExitCode == 0;

    private static IReadOnlyList<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Start()
    {
        var engine = Script("engine.sh");
        if (engine.ExitCode != 0)
        {
            return null;
        }

        var host = engine.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(line => line.StartsWith("DOCKER_HOST=", StringComparison.Ordinal))["DOCKER_HOST=".Length..];
        var images = Script("images.sh");
        Assert.AreEqual(0, images.ExitCode, $"build/images.sh failed: {images.Output}");
        return host;
    }

    private static (int ExitCode, string Output) Script(string name)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "build", name)]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
