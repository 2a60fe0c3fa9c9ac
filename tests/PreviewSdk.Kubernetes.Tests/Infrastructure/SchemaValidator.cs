using PreviewSdk.Core.Binaries;

namespace PreviewSdk.Kubernetes.Tests.Infrastructure;

/// <summary>
/// Runs SchemaValidation/validate.mjs under node: kubernetes-models checks each object against the schema generated
/// from Kubernetes' OpenAPI document. Its packages are installed once with <c>npm ci</c> from the committed
/// package-lock.json (.ci/run does it first; the test does it when they are missing), then it runs offline.
/// </summary>
internal static class SchemaValidator
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string Folder => Path.Combine(RepositoryRoot.Find(), "tests", "PreviewSdk.Kubernetes.Tests", "SchemaValidation");

    public static async Task<ProgramResult> ValidateAsync(params string[] folders)
    {
        await EnsureInstalledAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await ExternalProgram.RunAsync("node", [Path.Combine(Folder, "validate.mjs"), .. folders], Folder, timeout.Token);
    }

    private static async Task EnsureInstalledAsync()
    {
        await Install.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "kubernetes-models")))
            {
                return;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var result = await ExternalProgram.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], Folder, timeout.Token);
            Assert.IsTrue(result.Succeeded, "npm ci failed:\n" + result.Output);
        }
        finally
        {
            Install.Release();
        }
    }
}
