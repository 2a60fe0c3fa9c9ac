using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Kubernetes.Manifests;

/// <summary>
/// Writes a rendered environment to a folder for review or GitOps: one YAML file per object, numbered in apply order
/// (<c>00-namespace-preview-shop-main.yaml</c>), serialized by KubernetesClient's own YAML serializer, and a
/// <c>README.md</c> naming the Secrets <c>-t:Preview</c> creates (their keys, never values). The same environment
/// gives the same bytes: no time stamps, no random values, sorted maps, LF line ends.
/// </summary>
public static class ManifestWriter
{
    /// <summary>The file listing the Secrets.</summary>
    public const string ReadmeFile = "README.md";

    /// <summary>The files of <paramref name="environment"/>, by file name, in apply order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Files(RenderedEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var files = new List<KeyValuePair<string, string>>();
        for (var index = 0; index < environment.Objects.Count; index++)
        {
            var item = environment.Objects[index];
            var name = string.Create(CultureInfo.InvariantCulture, $"{index:00}-{item.Kind.ToLowerInvariant()}-{item.Metadata.Name}.yaml");
            files.Add(new(name, Serialize(item)));
        }

        files.Add(new(ReadmeFile, Readme(environment)));
        return files;
    }

    /// <summary>One object as YAML, with LF line ends and a final newline.</summary>
    public static string Serialize(object item) => KubernetesYaml.Serialize(item).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

    /// <summary>
    /// Writes the files into <paramref name="folder"/>, replacing what an earlier render wrote there (its numbered
    /// YAML files and README), and leaving anything else alone. Returns the paths written.
    /// </summary>
    public static IReadOnlyList<string> Write(RenderedEnvironment environment, string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.yaml").Where(path => char.IsAsciiDigit(Path.GetFileName(path)[0])))
        {
            File.Delete(stale);
        }

        var written = new List<string>();
        foreach (var (name, text) in Files(environment))
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(path);
        }

        return written;
    }

    private static string Readme(RenderedEnvironment environment)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Preview environment manifests: namespace {environment.Namespace}\n\n");
        text.Append("Rendered by PreviewSdk (`-t:PreviewRender`); apply in file order. Links: ");
        text.Append(environment.Addresses.DirectoryUrl).Append('\n');
        text.Append("\nSecrets the manifests refer to are not rendered (they would hold passwords and the access token);\n");
        text.Append("`-t:Preview` creates them with fresh values. Applying these files another way (GitOps), create them first:\n\n");
        foreach (var secret in environment.Secrets)
        {
            text.Append(CultureInfo.InvariantCulture, $"- `{secret.Name}`: ");
            text.Append(string.Join(", ", secret.Entries.Select(entry => $"`{entry.Key}` ({Describe(entry.Value)})")));
            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Describe(string template) =>
        template == SecretTemplate.Token ? "a random access token"
        : template.StartsWith("${password:", StringComparison.Ordinal) ? "a random password"
        : template.Contains("${", StringComparison.Ordinal) ? "`" + template + "`"
        : "`" + template + "`";
}
