namespace PreviewSdk.EndToEnd.Tests.Workspaces;

/// <summary>A folder under the machine's temp folder (so outside the repository), deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Root = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Root { get; }

    /// <summary>The absolute path of <paramref name="relativePath"/> in this folder.</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relativePath"/>, creating its folder; returns the file's path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = PathOf(relativePath);
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The machine's temp clean-up gets what a test could not.
        }
    }
}
