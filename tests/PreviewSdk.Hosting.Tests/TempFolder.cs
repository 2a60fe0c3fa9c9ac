namespace PreviewSdk.Hosting.Tests;

/// <summary>A new folder under the temp folder, removed with everything in it when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("preview-hosting-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
