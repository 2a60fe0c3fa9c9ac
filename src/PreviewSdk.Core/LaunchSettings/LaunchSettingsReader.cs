using System.Text.Json;

namespace PreviewSdk.Core.LaunchSettings;

/// <summary>
/// Reads a project's <c>Properties/launchSettings.json</c> the way <c>dotnet run</c> and Aspire choose from it: a
/// named profile, or by default the first whose <c>commandName</c> is <c>Project</c>.
/// </summary>
public static class LaunchSettingsReader
{
    /// <summary>The launch settings file of the project file or folder <paramref name="project"/>.</summary>
    public static string PathOf(string project)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        var folder = Directory.Exists(project) ? project : Path.GetDirectoryName(Path.GetFullPath(project))!;
        return Path.Combine(folder, "Properties", "launchSettings.json");
    }

    /// <summary>
    /// Every profile of the project's launch settings, in file order; empty when it has none, or when the file is
    /// not valid JSON (a broken file is the project's own problem, which its own F5 reports).
    /// </summary>
    public static IReadOnlyList<LaunchProfile> ReadAll(string project)
    {
        var path = PathOf(project);
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            if (!document.RootElement.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return profiles.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).Select(ToProfile).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>
    /// The profile named <paramref name="name"/>, or by default the first <c>Project</c> profile; null when a named
    /// profile does not exist. A project without a <c>Project</c> profile gets <see cref="LaunchProfile.None"/>.
    /// </summary>
    public static LaunchProfile? Choose(string project, string? name = null)
    {
        var profiles = ReadAll(project);
        if (name is not null)
        {
            return profiles.FirstOrDefault(profile => profile.Name == name);
        }

        return profiles.FirstOrDefault(profile => string.Equals(profile.CommandName, "Project", StringComparison.OrdinalIgnoreCase))
            ?? LaunchProfile.None;
    }

    private static LaunchProfile ToProfile(JsonProperty property)
    {
        var body = property.Value;
        var variables = new List<KeyValuePair<string, string>>();
        if (body.TryGetProperty("environmentVariables", out var environment) && environment.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in environment.EnumerateObject())
            {
                variables.Add(KeyValuePair.Create(variable.Name, variable.Value.ValueKind == JsonValueKind.String ? variable.Value.GetString()! : variable.Value.GetRawText()));
            }
        }

        return new LaunchProfile(property.Name, Text(body, "commandName"), variables, Text(body, "applicationUrl"));
    }

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
