using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PreviewSdk.Core.EfCore;
using PreviewSdk.Core.LaunchSettings;

namespace PreviewSdk.Cli.Mapping;

/// <summary>
/// What a service's project files say that the app host's manifest does not: whether it is a worker, whether its
/// Kestrel speaks HTTP/2 only, and which of its projects holds EF Core migrations.
/// </summary>
/// <param name="ProjectPath">The project file.</param>
/// <param name="IsWorker">Its SDK is <c>Microsoft.NET.Sdk.Worker</c>: a background service without HTTP.</param>
/// <param name="Http2Only">Its Kestrel endpoints speak HTTP/2 only (<c>Protocols: Http2</c> in appsettings.json or its launch profile).</param>
/// <param name="EfCoreProject">The project (itself or one it references) whose source holds an EF Core model snapshot, or null.</param>
internal sealed partial record ProjectFacts(string ProjectPath, bool IsWorker, bool Http2Only, string? EfCoreProject)
{
    /// <summary>Reads the facts of the project file <paramref name="projectPath"/>; a missing file has none.</summary>
    public static ProjectFacts Read(string projectPath)
    {
        if (!File.Exists(projectPath))
        {
            return new ProjectFacts(projectPath, false, false, null);
        }

        var project = XDocument.Load(projectPath);
        var sdk = project.Root?.Attribute("Sdk")?.Value ?? string.Empty;
        var folder = Path.GetDirectoryName(projectPath)!;
        var references = project.Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => element.Attribute("Include")?.Value)
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/'))));
        var efCore = new[] { projectPath }.Concat(references)
            .FirstOrDefault(candidate => File.Exists(candidate) && EfCoreProjectSource.HasModelSnapshot(Path.GetDirectoryName(candidate)!));
        return new ProjectFacts(projectPath, sdk.Contains("Worker", StringComparison.OrdinalIgnoreCase), SpeaksHttp2Only(folder, projectPath), efCore);
    }

    private static bool SpeaksHttp2Only(string folder, string projectPath)
    {
        var launch = LaunchSettingsReader.Choose(projectPath)?.EnvironmentVariables ?? [];
        if (launch.Any(pair => KestrelProtocolsVariable().IsMatch(pair.Key) && IsHttp2(pair.Value)))
        {
            return true;
        }

        foreach (var settings in new[] { "appsettings.json", "appsettings.Development.json" }.Select(name => Path.Combine(folder, name)).Where(File.Exists))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(settings), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                if (Property(document.RootElement, "Kestrel") is { } kestrel
                    && (IsHttp2(Property(Property(kestrel, "EndpointDefaults"), "Protocols")?.GetString())
                        || (Property(kestrel, "Endpoints") is { ValueKind: JsonValueKind.Object } endpoints
                            && endpoints.EnumerateObject().Any(endpoint => IsHttp2(Property(endpoint.Value, "Protocols")?.GetString())))))
                {
                    return true;
                }
            }
            catch (JsonException)
            {
                // The project's own F5 reports a broken settings file.
            }
        }

        return false;
    }

    private static bool IsHttp2(string? protocols) => string.Equals(protocols?.Trim(), "Http2", StringComparison.OrdinalIgnoreCase);

    // Configuration keys are case-insensitive.
    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value
            ? value.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;

    [GeneratedRegex(@"^Kestrel__(EndpointDefaults|Endpoints__[^_]+(_[^_]+)*)__Protocols$", RegexOptions.IgnoreCase)]
    private static partial Regex KestrelProtocolsVariable();
}
