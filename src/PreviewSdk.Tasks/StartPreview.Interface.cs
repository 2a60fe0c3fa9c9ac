using Microsoft.Build.Framework;

namespace PreviewSdk.Tasks;

/// <summary>
/// Starts the built app host as a detached environment, waits until every resource is healthy and prints the
/// links; or reports the environment that is already up. On failure nothing is left running.
/// </summary>
public sealed partial class StartPreview
{
    /// <summary>The plan written by GeneratePreviewAppHost.</summary>
    [Required]
    public string PlanFile { get; set; } = string.Empty;

    /// <summary>The preview project file.</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>The built app host assembly (TargetPath).</summary>
    [Required]
    public string AppHostPath { get; set; } = string.Empty;

    /// <summary>
    /// The services' projects (ResolvePreviewServices), each with its built assembly as <c>TargetPath</c>: their
    /// output folders are fingerprinted, so a repeated -t:Preview restarts the services whose build changed.
    /// </summary>
    public ITaskItem[] ServiceProjects { get; set; } = [];

    /// <summary>The environment's name; empty for the git branch.</summary>
    public string PreviewName { get; set; } = string.Empty;

    /// <summary>The profile.</summary>
    public string Profile { get; set; } = string.Empty;

    /// <summary>The registry root; empty for the default.</summary>
    public string StateRoot { get; set; } = string.Empty;

    /// <summary>Seconds to wait for the environment to become healthy.</summary>
    public string Timeout { get; set; } = string.Empty;

    /// <summary>Whether to stop a running environment of the same name and start it anew.</summary>
    public bool Recreate { get; set; }

    /// <summary>The dotnet host that runs the app host (DOTNET_HOST_PATH); empty for "dotnet".</summary>
    public string DotnetHost { get; set; } = string.Empty;

    /// <summary>preview.yaml (PreviewManifest): its profiles, team and budget.</summary>
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The time to live (PreviewTtl), e.g. 2h or 30m; empty for the profile's.</summary>
    public string TimeToLive { get; set; } = string.Empty;

    /// <summary>Whether the environment is exempt from expiry (PreviewKeep).</summary>
    public bool Keep { get; set; }

    /// <summary>Whether seeded local databases are cloned from templates (PreviewTemplates): true or false; empty for true.</summary>
    public string Templates { get; set; } = string.Empty;

    /// <summary>How long an unused template is kept (PreviewTemplateRetention), e.g. 7d; empty for 7 days.</summary>
    public string TemplateRetention { get; set; } = string.Empty;

    /// <summary>How many templates of one server are kept (PreviewTemplatesPerServer), 1 to 100; empty for 3.</summary>
    public string TemplatesPerServer { get; set; } = string.Empty;

    /// <summary>The shared budget file (PreviewBudgetFile); empty for none.</summary>
    public string BudgetFile { get; set; } = string.Empty;

    /// <summary>The team (PreviewTeam); empty for preview.yaml's team: or the app name.</summary>
    public string Team { get; set; } = string.Empty;

    /// <summary>
    /// The pull request to comment the links on (PreviewPullRequest); empty for the one of the GitHub Actions event.
    /// </summary>
    public string PullRequest { get; set; } = string.Empty;

    /// <summary>
    /// Whether what is published (comment, step summary) may carry the access token (PreviewCommentToken):
    /// <c>true</c> or <c>false</c>; empty for <c>false</c>.
    /// </summary>
    public string CommentToken { get; set; } = string.Empty;

    /// <summary>The gateway's domain (PreviewDomain); empty for localhost.</summary>
    public string Domain { get; set; } = string.Empty;

    /// <summary>The address the gateway listens on (PreviewBindAddress); empty for 127.0.0.1.</summary>
    public string BindAddress { get; set; } = string.Empty;

    /// <summary>The gateway's port (PreviewGatewayPort); empty for a free one.</summary>
    public string GatewayPort { get; set; } = string.Empty;

    /// <summary>token or none (PreviewAuth); empty for token.</summary>
    public string Auth { get; set; } = string.Empty;

    /// <summary>The address of a proxy or tunnel in front of the gateway (PreviewPublicUrl); empty for none.</summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>Proxies whose forwarded headers the gateway believes (PreviewTrustedProxies), separated by semicolons.</summary>
    public string TrustedProxies { get; set; } = string.Empty;

    /// <summary>
    /// The registry that replaces the registry part of every dependency's image (PreviewContainerRegistry), e.g.
    /// <c>mirror.example.com</c>; empty keeps the images as preview.yaml names them.
    /// </summary>
    public string ContainerRegistry { get; set; } = string.Empty;

    /// <summary>
    /// The base image of services a profile runs as containers (PreviewContainerBaseImage), passed to
    /// <c>dotnet publish -t:PublishContainer</c> as ContainerBaseImage; empty for the .NET SDK's default.
    /// </summary>
    public string ContainerBaseImage { get; set; } = string.Empty;

    /// <summary>A webhook alerts go to besides preview.yaml's (PreviewAlertWebhook): an http(s) address, optionally after slack: or json:.</summary>
    public string AlertWebhook { get; set; } = string.Empty;

    /// <summary>The environment's resolved name.</summary>
    [Output]
    public string ResolvedName { get; private set; } = string.Empty;
}
