using PreviewSdk.Core.Tests;

namespace PreviewSdk.Sdk.Tests;

/// <summary>
/// The SDK as the tests import it: a copy of the repository's <c>sdk/PreviewSdk</c> and <c>src/</c> (and the root
/// Directory.Build files they need) kept in the test output. Imported from there, the SDK builds its tasks and
/// hosting projects from source as it does in the repository, but in folders of its own: test builds never race
/// other builds of the repository's <c>src/</c> for its bin and obj folders. The copy is kept in sync file by file
/// and its bin/obj folders survive, so after the first run its projects build incrementally.
/// </summary>
internal static class SdkUnderTest
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config"];

    private static readonly string[] Folders = ["sdk/PreviewSdk/Sdk", "sdk/PreviewSdk/build", "src"];

    private static readonly HashSet<string> SkippedFolders = new(["bin", "obj", "TestResults", ".vs"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The root of the copy, laid out like the repository.</summary>
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "sdk-under-test");

    /// <summary>The Sdk.props a test project imports.</summary>
    public static string PropsPath => Path.Combine(Root, "sdk", "PreviewSdk", "Sdk", "Sdk.props");

    /// <summary>The Sdk.targets a test project imports.</summary>
    public static string TargetsPath => Path.Combine(Root, "sdk", "PreviewSdk", "Sdk", "Sdk.targets");

    /// <summary>Brings the copy up to date with the repository: changed files rewritten, removed files deleted.</summary>
    public static void Sync()
    {
        var repository = RepositoryRoot.Find();
        foreach (var file in RootFiles)
        {
            var source = Path.Combine(repository, file);
            var target = Path.Combine(Root, file);
            if (File.Exists(source))
            {
                CopyIfChanged(source, target);
            }
            else if (File.Exists(target))
            {
                File.Delete(target);
            }
        }

        foreach (var folder in Folders)
        {
            SyncFolder(Path.Combine(repository, folder), Path.Combine(Root, folder));
        }
    }

    private static void SyncFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        var sourceFiles = Directory.GetFiles(source).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var file in sourceFiles)
        {
            CopyIfChanged(Path.Combine(source, file!), Path.Combine(target, file!));
        }

        foreach (var stale in Directory.GetFiles(target).Where(path => !sourceFiles.Contains(Path.GetFileName(path))))
        {
            File.Delete(stale);
        }

        var sourceFolders = Directory.GetDirectories(source).Select(Path.GetFileName).Where(name => !SkippedFolders.Contains(name!)).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in sourceFolders)
        {
            SyncFolder(Path.Combine(source, folder!), Path.Combine(target, folder!));
        }

        foreach (var stale in Directory.GetDirectories(target).Where(path => !sourceFolders.Contains(Path.GetFileName(path)) && !SkippedFolders.Contains(Path.GetFileName(path))))
        {
            Directory.Delete(stale, recursive: true);
        }
    }

    // Rewriting only what changed keeps the timestamps MSBuild's incremental build compares.
    private static void CopyIfChanged(string source, string target)
    {
        var bytes = File.ReadAllBytes(source);
        if (!File.Exists(target) || !File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
    }
}
