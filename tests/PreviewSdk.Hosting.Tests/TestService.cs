using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// tests/PreviewSdk.Observability.TestService run as a real process of the environment (<c>dotnet TestService.dll</c>,
/// so the reported process is the service itself): one HTTP endpoint, telemetry to the dashboard when there is one.
/// </summary>
internal static class TestService
{
    private const string Name = "PreviewSdk.Observability.TestService";

    /// <summary>The built service: beside this test assembly's folder, in the same configuration.</summary>
    public static string AssemblyPath { get; } = Locate();

    public static IResourceBuilder<ExecutableResource> AddTestService(this IDistributedApplicationBuilder builder, string name)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return builder.AddExecutable(name, dotnet, Path.GetDirectoryName(AssemblyPath)!, AssemblyPath)
            .WithHttpEndpoint(name: "http", env: "PORT")
            .WithOtlpExporter();
    }

    private static string Locate()
    {
        // bin/<configuration>/<framework>/ of this project; the service's output has the same layout.
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var tests = configuration.Parent!.Parent!.Parent!;
        var path = Path.Combine(tests.FullName, Name, "bin", configuration.Name, framework.Name, Name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {Name} first: {path} is missing.", path);
    }
}
