namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// The environment's gateway as a resource of the app host: it shows in the dashboard with its state and the
/// directory page's address, and the environment is ready only once it listens. It runs inside the app host
/// process (no process of its own), so its state is the app host's view, not an orchestrator's.
/// </summary>
public sealed class PreviewGatewayResource : Resource
{
    /// <summary>The resource's name in the model and the dashboard.</summary>
    public const string DefaultName = "preview-gateway";

    internal PreviewGatewayResource(string name)
        : base(name)
    {
    }
}
