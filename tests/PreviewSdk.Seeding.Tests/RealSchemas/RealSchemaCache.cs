using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Tests;

namespace PreviewSdk.Seeding.Tests.RealSchemas;

/// <summary>One file of <c>manifest.tsv</c>: where Debian ships it and what it must hash to.</summary>
internal sealed record RealSchemaFile(string Schema, string Package, string Version, string PathInPackage, string Sha256, string Application, string Licence);

/// <summary>
/// The real application schemas of <c>manifest.tsv</c>, fetched from Debian's packages by
/// <c>build/real-schemas.sh</c> (the one implementation: <c>.ci/run</c> calls it too) into a cache outside git. Each
/// schema is a migrations folder, its files in manifest order, exactly as shipped (only gunzipped).
/// </summary>
internal static class RealSchemaCache
{
    private static readonly SemaphoreSlim FetchLock = new(1, 1);
    private static string? fetched;

    public static string ManifestPath => Path.Combine(RepositoryRoot.Find(), "tests", "PreviewSdk.Seeding.Tests", "RealSchemas", "manifest.tsv");

    /// <summary>Every file line of the manifest, in order.</summary>
    public static IReadOnlyList<RealSchemaFile> Manifest() =>
        File.ReadLines(ManifestPath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => new RealSchemaFile(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]))
            .ToList();

    /// <summary>
    /// The migrations folder of <paramref name="schema"/>, fetched (once per test run; a cached, verified file is not
    /// downloaded again). A machine without apt makes the test inconclusive (reported as skipped); a schema Debian
    /// changed, or a failed download, fails it with the script's words.
    /// </summary>
    public static async Task<string> FolderAsync(string schema)
    {
        var cache = await FetchAsync();
        var folder = Path.Combine(cache, schema);
        Assert.IsTrue(Directory.Exists(folder), $"build/real-schemas.sh made no folder {folder}.");
        return folder;
    }

    private static async Task<string> FetchAsync()
    {
        await FetchLock.WaitAsync();
        try
        {
            if (fetched is not null)
            {
                return fetched;
            }

            var root = RepositoryRoot.Find();
            var result = await ExternalProgram.RunAsync("bash", [Path.Combine(root, "build", "real-schemas.sh")], root, CancellationToken.None);
            if (result.ExitCode == 3)
            {
                Assert.Inconclusive(result.LastLines());
            }

            Assert.IsTrue(result.Succeeded, $"build/real-schemas.sh failed (exit code {result.ExitCode}):\n{result.LastLines()}");
            return fetched = Environment.GetEnvironmentVariable("REAL_SCHEMAS_CACHE") is { Length: > 0 } cache
                ? cache
                : Path.Combine(root, "artifacts", "real-schemas");
        }
        finally
        {
            FetchLock.Release();
        }
    }
}
