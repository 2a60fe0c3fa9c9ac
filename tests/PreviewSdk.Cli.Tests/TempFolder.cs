namespace PreviewSdk.Cli.Tests;

/// <summary>A throw-away folder under the system temp folder, deleted (best effort) when disposed.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Directory.CreateTempSubdirectory("previewsdk-cli-tests-").FullName;
    }

    public string Root { get; }

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Writes <paramref name="text"/> to the file at <paramref name="parts"/>, creating its folders.</summary>
    public string Write(string text, params string[] parts)
    {
        var path = PathOf(parts);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
