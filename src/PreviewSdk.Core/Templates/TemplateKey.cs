using System.Security.Cryptography;
using System.Text;

namespace PreviewSdk.Core.Templates;

/// <summary>
/// The key of a seeded-data template: a SHA-256 over named inputs (the product's version, the PostgreSQL binaries,
/// the database, the seed settings, the migrations' files), in the order they are added. Two environments whose
/// inputs are equal share a template; anything that changes the content changes an input and so the key.
/// </summary>
public sealed class TemplateKey
{
    // Build output and tooling folders are not migrations' content; a rebuild must not make a new template.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", ".git", ".vs", "node_modules" };

    private readonly StringBuilder canonical = new();
    private readonly List<string> inputs = [];

    /// <summary>What went into the key so far, one <c>name: value</c> line each (files by their own hash).</summary>
    public IReadOnlyList<string> Inputs => inputs;

    /// <summary>Adds a named value.</summary>
    /// <param name="name">What the value is, e.g. <c>seed settings</c>.</param>
    /// <param name="value">Its canonical text.</param>
    public TemplateKey Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Append(name, value);
        inputs.Add($"{name}: {(value.Length > 200 ? Digest(Encoding.UTF8.GetBytes(value)) : value)}");
        return this;
    }

    /// <summary>
    /// Adds every file under <paramref name="folder"/> (name and content, in ordinal order of their relative
    /// paths), skipping <c>bin</c>, <c>obj</c> and tooling folders; a missing folder adds its absence.
    /// </summary>
    /// <param name="name">What the folder is, e.g. <c>migrations</c>.</param>
    /// <param name="folder">The folder.</param>
    public TemplateKey AddFolder(string name, string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        using var content = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.Exists(folder) ? FilesOf(folder).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var relative in files)
        {
            content.AppendData(Encoding.UTF8.GetBytes(relative.Replace('\\', '/') + "\n"));
            content.AppendData(File.ReadAllBytes(Path.Combine(folder, relative)));
            content.AppendData("\n"u8);
        }

        var digest = Convert.ToHexString(content.GetHashAndReset()).ToLowerInvariant();
        var text = Directory.Exists(folder) ? $"{files.Count} files, sha256 {digest}" : "absent";
        Append(name, text);
        inputs.Add($"{name}: {text}");
        return this;
    }

    /// <summary>
    /// Adds the source of a .NET project (<see cref="ProjectSource"/>): the files of its folder and of the folders of
    /// the projects it references, transitively (not <c>bin</c>, <c>obj</c>), and the <c>Directory.*.props</c> and
    /// <c>.targets</c> files above them; a missing project adds its absence.
    /// </summary>
    /// <param name="name">What the project is, e.g. <c>code of service shop-api</c>.</param>
    /// <param name="projectFile">The project file.</param>
    public TemplateKey AddProject(string name, string projectFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(projectFile);
        var folders = ProjectSource.Folders(projectFile);
        if (folders.Count == 0)
        {
            return Add(name, "absent");
        }

        foreach (var folder in folders)
        {
            AddFolder($"{name}: {folder}", folder);
        }

        foreach (var file in ProjectSource.ImportedFiles(folders))
        {
            Add($"{name}: {file}", Digest(File.ReadAllBytes(file)));
        }

        return this;
    }

    /// <summary>The key: 32 hex digits of the SHA-256 of every input.</summary>
    public string Value() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..32].ToLowerInvariant();

    private void Append(string name, string value)
    {
        // Length-prefixed, so no two different lists of inputs run together into the same bytes.
        canonical.Append(name.Length).Append(':').Append(name).Append('=').Append(value.Length).Append(':').Append(value).Append(';');
    }

    private static IEnumerable<string> FilesOf(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            yield return Path.GetFileName(file);
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var subName = Path.GetFileName(sub);
            if (SkippedFolders.Contains(subName))
            {
                continue;
            }

            foreach (var file in FilesOf(sub))
            {
                yield return Path.Combine(subName, file);
            }
        }
    }

    private static string Digest(byte[] bytes) => "sha256 " + Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
}
