namespace PreviewSdk.Core.Profiles;

/// <summary>The values of a profile's <c>runtime:</c> for a dependency.</summary>
public static class DependencyRuntimes
{
    /// <summary>Binaries installed on the machine (the only runtime so far, and the default).</summary>
    public const string Local = "local";

    /// <summary>A container engine: reserved for the container support to come, refused until then (PREVIEW1035).</summary>
    public const string Container = "container";
}
