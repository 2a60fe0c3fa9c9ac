using System.Text.Json;
using System.Text.RegularExpressions;

namespace PreviewSdk.Cli.AppHosts;

/// <summary>
/// Reads an Aspire publish manifest (<c>--publisher manifest</c>): projects (<c>project.v0</c>), PostgreSQL and
/// Redis containers (by image), databases (<c>value.v0</c> whose connection string extends a server's), and which
/// resource references which (<c>ConnectionStrings__x</c> and <c>services__x__http__0</c> variables).
/// </summary>
internal static partial class AspireManifestReader
{
    private static readonly string[] RedisImages = ["redis", "valkey", "garnet"];

    /// <summary>Parses <paramref name="json"/>; relative project paths are relative to <paramref name="manifestFolder"/>.</summary>
    /// <exception cref="JsonException">The text is not a manifest.</exception>
    public static AppModel Parse(string json, string manifestFolder)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The manifest has no 'resources' object.");
        }

        var projects = new List<ProjectResource>();
        var servers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var redis = new List<string>();
        var unmapped = new List<UnmappedResource>();
        var values = new List<(string Name, string ConnectionString)>();
        foreach (var resource in resources.EnumerateObject())
        {
            var body = resource.Value;
            var type = Text(body, "type") ?? string.Empty;
            var image = Text(body, "image");
            if (type.StartsWith("project.", StringComparison.Ordinal) && Text(body, "path") is { } path)
            {
                projects.Add(ToProject(resource.Name, body, Path.GetFullPath(Path.Combine(manifestFolder, path))));
            }
            else if (type.StartsWith("container.", StringComparison.Ordinal) && ImageName(image) is { } name && name.Contains("postgres", StringComparison.Ordinal))
            {
                servers[resource.Name] = [];
            }
            else if (type.StartsWith("container.", StringComparison.Ordinal) && ImageName(image) is { } cache && RedisImages.Any(cache.Contains))
            {
                redis.Add(resource.Name);
            }
            else if (type.StartsWith("value.", StringComparison.Ordinal) && Text(body, "connectionString") is { } connectionString)
            {
                values.Add((resource.Name, connectionString));
            }
            else if (!type.StartsWith("parameter.", StringComparison.Ordinal) && !type.StartsWith("annotated.", StringComparison.Ordinal))
            {
                unmapped.Add(new UnmappedResource(resource.Name, type, image));
            }
        }

        // A database: "{postgres.connectionString};Database=catalogdb".
        foreach (var (name, connectionString) in values)
        {
            if (DatabaseOf().Match(connectionString) is { Success: true } match && servers.TryGetValue(match.Groups["server"].Value, out var databases))
            {
                databases.Add(name);
            }
            else if (projects.Any(project => project.References.Contains(name, StringComparer.Ordinal)))
            {
                // Other values are parts of connection strings (Aspire's conditional expressions); only one a
                // service references is worth a word.
                unmapped.Add(new UnmappedResource(name, "value.v0", null));
            }
        }

        return new AppModel(projects, servers.Select(pair => new PostgresServer(pair.Key, pair.Value)).ToList(), redis, unmapped);
    }

    private static ProjectResource ToProject(string name, JsonElement body, string projectPath)
    {
        var references = new List<string>();
        if (body.TryGetProperty("env", out var env) && env.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in env.EnumerateObject())
            {
                var match = ConnectionStringVariable().Match(variable.Name);
                if (!match.Success)
                {
                    match = ServiceVariable().Match(variable.Name);
                }

                if (match.Success && !references.Contains(match.Groups["name"].Value, StringComparer.Ordinal))
                {
                    references.Add(match.Groups["name"].Value);
                }
            }
        }

        var transports = new List<string>();
        if (body.TryGetProperty("bindings", out var bindings) && bindings.ValueKind == JsonValueKind.Object)
        {
            transports.AddRange(bindings.EnumerateObject()
                .Where(binding => Text(binding.Value, "scheme") is "http" or "https")
                .Select(binding => Text(binding.Value, "transport") ?? "http"));
        }

        return new ProjectResource(name, projectPath, references, transports.Count > 0 && transports.All(t => t == "http2"), transports.Count > 0);
    }

    // docker.io/library/postgres:18.3 → postgres; ghcr.io/org/pgvector/pgvector:pg17 → pgvector.
    private static string? ImageName(string? image)
    {
        if (image is null)
        {
            return null;
        }

        var withoutTag = image.Split('@')[0];
        var lastSlash = withoutTag.LastIndexOf('/');
        var repository = lastSlash >= 0 ? withoutTag[(lastSlash + 1)..] : withoutTag;
        var colon = repository.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? repository[..colon] : repository).ToLowerInvariant();
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"^\{(?<server>[^.{}]+)\.connectionString\};Database=(?<database>[^;]+)$")]
    private static partial Regex DatabaseOf();

    [GeneratedRegex(@"^ConnectionStrings__(?<name>.+)$")]
    private static partial Regex ConnectionStringVariable();

    [GeneratedRegex(@"^services__(?<name>[^_]+(?:_[^_]+)*)__[^_]+__\d+$")]
    private static partial Regex ServiceVariable();
}
