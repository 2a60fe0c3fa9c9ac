namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>The PreviewSdk repository these tests run against: its root (the folder with global.json) and the files they use.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Shop sample's preview project, which imports the SDK from source.</summary>
    public static string ShopPreviewProject => Path.Combine(Root, "samples", "Shop", "Shop.Preview", "Shop.Preview.csproj");

    /// <summary>The SDK's folder (Sdk/Sdk.props, Sdk/Sdk.targets, and the project that packs it).</summary>
    public static string SdkDirectory => Path.Combine(Root, "sdk", "PreviewSdk");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "global.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No global.json above {AppContext.BaseDirectory}.");
    }
}
