namespace PreviewSdk.Core.Planning;

/// <summary>A service of the environment: one runnable ProjectReference with its settings.</summary>
/// <param name="Name">The resource name.</param>
/// <param name="ProjectPath">The absolute path of the project file.</param>
/// <param name="IsWeb">True when the project serves HTTP (Microsoft.NET.Sdk.Web).</param>
/// <param name="HealthPath">The HTTP health check path, or null for no health check.</param>
/// <param name="Replicas">How many instances run, at least 1.</param>
/// <param name="Environment">Extra environment variables, in preview.yaml order, values as written.</param>
/// <param name="Uses">What the service talks to, in preview.yaml order, without repeats.</param>
public sealed record ServicePlan(
    string Name,
    string ProjectPath,
    bool IsWeb,
    string? HealthPath,
    int Replicas,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<ServiceReference> Uses)
{
    /// <summary>Its endpoint speaks HTTP/2 only (<c>protocol: http2</c>): the health probe speaks HTTP/2.</summary>
    public bool Http2 { get; init; }
}
