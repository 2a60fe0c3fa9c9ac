namespace PreviewSdk.Core.Profiles;

/// <summary>
/// The values of <c>runtime:</c>: for a dependency (in <c>dependencies:</c> or a profile) all three, for a service
/// (in a profile) <see cref="Local"/> and <see cref="Container"/>.
/// </summary>
public static class DependencyRuntimes
{
    /// <summary>Binaries installed on the machine (for a service: <c>dotnet run</c> of its project); the default.</summary>
    public const string Local = "local";

    /// <summary>A container of a Docker or Podman engine (for a service: an image built by <c>dotnet publish -t:PublishContainer</c>).</summary>
    public const string Container = "container";

    /// <summary>A container when an engine answers and the image is present or pullable, else the local binaries.</summary>
    public const string Auto = "auto";

    /// <summary>What a dependency accepts.</summary>
    public static IReadOnlyList<string> ForDependencies { get; } = [Local, Container, Auto];

    /// <summary>What a service accepts: it is either built into an image or run from its project.</summary>
    public static IReadOnlyList<string> ForServices { get; } = [Local, Container];
}
