namespace PreviewSdk.EndToEnd.Tests.Workspaces;

/// <summary>
/// Writes small projects outside the repository: the probe, a web service whose behaviour preview.yaml chooses
/// (<c>Probe__Mode</c>: healthy, unhealthy or crash), and preview projects that run it, importing the SDK either from
/// source (as the Shop sample does) or as the package <c>PreviewSdk</c>.
/// </summary>
internal static class ProbeProjects
{
    /// <summary>The resource name of the probe in an environment (from its project name, Probe).</summary>
    public const string ServiceName = "probe";

    /// <summary>Starts every line the probe writes on purpose, so a test can find them in an error message.</summary>
    public const string Marker = "probe-marker";

    /// <summary>The probe's answer to <c>GET /</c>.</summary>
    public const string Greeting = Marker + ": hello from the probe";

    /// <summary>What the probe throws at start in crash mode.</summary>
    public const string CrashMessage = Marker + ": crashing at start on purpose";

    /// <summary>What the probe writes whenever it answers /health with 503 in unhealthy mode.</summary>
    public const string UnhealthyMessage = Marker + ": /health answers 503 on purpose";

    /// <summary>Writes Directory.Build.props (which also keeps MSBuild from looking above the temp folder) and Probe/.</summary>
    public static void WriteProbe(TempFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.Write("Directory.Build.props", """
            <Project>
              <!-- Also ends MSBuild's search for Directory.Build.props, so nothing above the temp folder leaks in. -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            </Project>
            """);
        folder.Write("Probe/Probe.csproj", """
            <Project Sdk="Microsoft.NET.Sdk.Web">
            </Project>
            """);
        folder.Write("Probe/Program.cs", $$"""
            var builder = WebApplication.CreateBuilder(args);
            // Only the lines below reach the log, so the last lines an error message quotes are these.
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var mode = builder.Configuration["Probe:Mode"] ?? "healthy";
            Console.WriteLine($"{{Marker}}: starting in mode '{mode}'");
            if (mode == "crash")
            {
                throw new InvalidOperationException("{{CrashMessage}}");
            }

            var app = builder.Build();
            app.MapGet("/", () => "{{Greeting}}");
            app.MapGet("/health", () =>
            {
                if (mode == "unhealthy")
                {
                    Console.WriteLine("{{UnhealthyMessage}}");
                    return Results.StatusCode(503);
                }

                return Results.Text("Healthy");
            });
            app.Run();
            """);
    }

    /// <summary>
    /// Writes the preview project <paramref name="name"/>/<paramref name="name"/>.csproj referencing the probe and
    /// importing the SDK from this repository by absolute path; returns the project's path.
    /// </summary>
    public static string WritePreviewFromSource(TempFolder folder, string name, string manifest)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var sdk = Infrastructure.Repository.SdkDirectory;
        folder.Write($"{name}/preview.yaml", manifest);
        return folder.Write($"{name}/{name}.csproj", $"""
            <Project>
              <Import Project="{sdk}/Sdk/Sdk.props" />
              <ItemGroup>
                <ProjectReference Include="../Probe/Probe.csproj" />
              </ItemGroup>
              <Import Project="{sdk}/Sdk/Sdk.targets" />
            </Project>
            """);
    }

    /// <summary>Writes the preview project <paramref name="name"/> as a user writes it: <c>&lt;Project Sdk="PreviewSdk"&gt;</c>.</summary>
    public static string WritePreviewFromPackage(TempFolder folder, string name, string manifest)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.Write($"{name}/preview.yaml", manifest);
        return folder.Write($"{name}/{name}.csproj", """
            <Project Sdk="PreviewSdk">
              <ItemGroup>
                <ProjectReference Include="../Probe/Probe.csproj" />
              </ItemGroup>
            </Project>
            """);
    }
}
