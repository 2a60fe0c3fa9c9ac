using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace PreviewSdk.Cli.Writing;

/// <summary>
/// The repository files that tell the .NET SDK where PreviewSdk comes from: global.json's <c>msbuild-sdks</c> entry,
/// and a nuget.config package source when the packages are in a local feed. An entry is added to an existing file
/// (which keeps everything else); a file is created when there is none.
/// </summary>
internal static class SdkReferenceFiles
{
    /// <summary>
    /// Adds <c>"msbuild-sdks": { "PreviewSdk": version }</c> to <paramref name="path"/>. Returns what it did, or null
    /// when the entry was there already; a different version is left alone and said so.
    /// </summary>
    public static string? AddMsBuildSdk(string path, string version)
    {
        if (File.Exists(path) && File.ReadAllText(path) is var text && (text.Contains("//", StringComparison.Ordinal) || text.Contains("/*", StringComparison.Ordinal)) && !text.Contains("\"PreviewSdk\"", StringComparison.Ordinal))
        {
            // Rewriting it would lose its comments.
            return $"review: add \"msbuild-sdks\": {{ \"PreviewSdk\": \"{version}\" }} to {path} (it has comments, so init left it alone)";
        }

        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject : null;
        var created = root is null;
        root ??= [];
        if (root["msbuild-sdks"] is not JsonObject sdks)
        {
            root["msbuild-sdks"] = sdks = [];
        }

        if (sdks["PreviewSdk"] is { } existing)
        {
            var current = existing.GetValue<string>();
            return current == version ? null : $"review: {path} names PreviewSdk {current}; this tool is {version}, left as it is";
        }

        sdks["PreviewSdk"] = version;
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return created ? $"wrote {path}" : $"added PreviewSdk {version} to msbuild-sdks in {path}";
    }

    /// <summary>Adds the package source <paramref name="feed"/> to the nuget.config at <paramref name="path"/>; null when it was there.</summary>
    public static string? AddPackageSource(string path, string feed)
    {
        var created = !File.Exists(path);
        var document = created ? new XDocument(new XElement("configuration")) : XDocument.Load(path);
        var configuration = document.Root!;
        var sources = configuration.Element("packageSources");
        if (sources is null)
        {
            configuration.Add(sources = new XElement("packageSources"));
        }

        if (sources.Elements("add").Any(add => string.Equals(add.Attribute("value")?.Value?.TrimEnd('/'), feed.TrimEnd('/'), StringComparison.Ordinal)))
        {
            return null;
        }

        if (created)
        {
            // A new nuget.config replaces nothing: keep nuget.org for every other package.
            sources.Add(new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json")));
        }

        sources.Add(new XElement("add", new XAttribute("key", "previewsdk"), new XAttribute("value", feed)));
        document.Save(path);
        return created ? $"wrote {path}" : $"added the package source {feed} to {path}";
    }
}
