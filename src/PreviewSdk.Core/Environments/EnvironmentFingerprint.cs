using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// What a running environment was started from (<see cref="StateFiles.Fingerprint"/>), so that a repeated
/// <c>-t:Preview</c> can tell what changed since: the app host (the plan from preview.yaml and the profile, the
/// preview project's own output), the launch settings (gateway, templates, registry, webhook), and each service's
/// build output. An unchanged repeat only prints the links; a changed service is restarted alone; anything else
/// restarts the whole environment.
/// </summary>
/// <param name="AppHost">Hash of the plan file and the app host's output folder.</param>
/// <param name="Settings">Hash of the launch settings that are not part of the plan.</param>
/// <param name="Services">Per service (resource name): hash of its output folder.</param>
public sealed record EnvironmentFingerprint(string AppHost, string Settings, IReadOnlyDictionary<string, string> Services)
{
    /// <summary>
    /// Files that do not change what runs. Debug symbols are rewritten with a new time stamp whenever the compiler
    /// runs, even when (deterministic) the assembly it produced is the same.
    /// </summary>
    private static readonly string[] IgnoredExtensions = [".pdb", ".xml"];

    /// <summary>Up to this size a file's content is hashed; a larger one counts by its size and time stamp.</summary>
    private const long ContentHashLimit = 256 * 1024;

    /// <summary>The fingerprint of what <c>-t:Preview</c> is about to run.</summary>
    /// <param name="planFile">preview.plan.json, written by the build.</param>
    /// <param name="appHostPath">The built app host assembly (its folder is fingerprinted).</param>
    /// <param name="settings">The launch settings, one text; compared as a whole.</param>
    /// <param name="serviceOutputs">Per service name, its built assembly (its folder is fingerprinted).</param>
    public static EnvironmentFingerprint Compute(string planFile, string appHostPath, string settings, IEnumerable<KeyValuePair<string, string>> serviceOutputs)
    {
        ArgumentNullException.ThrowIfNull(serviceOutputs);
        var appHost = new StringBuilder();
        appHost.Append(Hash(File.ReadAllBytes(planFile))).Append('\n');
        AppendFolder(appHost, Path.GetDirectoryName(Path.GetFullPath(appHostPath))!);
        var services = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, output) in serviceOutputs)
        {
            var text = new StringBuilder();
            AppendFolder(text, Path.GetDirectoryName(Path.GetFullPath(output))!);
            services[name] = Hash(text.ToString());
        }

        return new EnvironmentFingerprint(Hash(appHost.ToString()), Hash(settings), services);
    }

    /// <summary>The services whose output differs from <paramref name="running"/>'s (or that it does not know), by name.</summary>
    public IReadOnlyList<string> ChangedServices(EnvironmentFingerprint running)
    {
        ArgumentNullException.ThrowIfNull(running);
        return Services
            .Where(service => !running.Services.TryGetValue(service.Key, out var before) || before != service.Value)
            .Select(service => service.Key)
            .ToList();
    }

    /// <summary>Reads the fingerprint of the environment in <paramref name="folder"/>; null when it has none.</summary>
    public static EnvironmentFingerprint? Read(string folder) => StateJson.TryRead<EnvironmentFingerprint>(Path.Combine(folder, StateFiles.Fingerprint));

    /// <summary>Records this fingerprint as what the environment in <paramref name="folder"/> runs.</summary>
    public void Write(string folder) => StateJson.Write(Path.Combine(folder, StateFiles.Fingerprint), this);

    // Every file below the folder, in ordinal order of its relative path. An assembly counts by its MVID, which a
    // deterministic build derives from its content: recompiling unchanged sources, or copying the same file again,
    // changes nothing. Other small files count by content, large ones by size and time stamp.
    private static void AppendFolder(StringBuilder text, string folder)
    {
        if (!Directory.Exists(folder))
        {
            text.Append("missing ").Append(folder).Append('\n');
            return;
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => !IgnoredExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            .Select(file => (Relative: Path.GetRelativePath(folder, file), Full: file))
            .OrderBy(file => file.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            text.Append(relative).Append(' ').Append(FileIdentity(full)).Append('\n');
        }
    }

    private static string FileIdentity(string path)
    {
        var info = new FileInfo(path);
        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && Mvid(path) is { } mvid)
        {
            return "mvid:" + mvid.ToString("N");
        }

        return info.Length <= ContentHashLimit
            ? "sha256:" + Hash(File.ReadAllBytes(path))
            : string.Create(CultureInfo.InvariantCulture, $"size:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
    }

    private static Guid? Mvid(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            if (!reader.HasMetadata)
            {
                return null;
            }

            var metadata = reader.GetMetadataReader();
            return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
