namespace PreviewSdk.Core.Environments;

/// <summary>
/// Names of the environment variables through which the MSBuild layer hands an environment's identity
/// to the generated app host. They are the whole contract between <c>-t:Preview</c> and the hosting layer.
/// </summary>
public static class PreviewVariables
{
    /// <summary>The environment's state folder (absolute path).</summary>
    public const string StateDirectory = "PREVIEW_STATE_DIR";

    /// <summary>
    /// A unique id of this run of the environment. Every process of the environment inherits it, which is how
    /// a later command finds and stops them even after the app host was killed.
    /// </summary>
    public const string EnvironmentId = "PREVIEW_ENVIRONMENT_ID";

    /// <summary>The environment's name (for example the sanitised git branch).</summary>
    public const string EnvironmentName = "PREVIEW_ENVIRONMENT_NAME";

    /// <summary>The profile the environment runs with.</summary>
    public const string Profile = "PREVIEW_PROFILE";

    /// <summary>
    /// How long <c>-t:Preview</c> waits for readiness, in seconds. The hosting layer captures the logs of every
    /// resource halfway to it, so a timeout can show them; unset (F5), only failures are captured.
    /// </summary>
    public const string Timeout = "PREVIEW_TIMEOUT_SECONDS";

    /// <summary>The gateway's domain (<c>PreviewDomain</c>).</summary>
    public const string GatewayDomain = "PREVIEW_GATEWAY_DOMAIN";

    /// <summary>The address the gateway listens on (<c>PreviewBindAddress</c>).</summary>
    public const string GatewayBindAddress = "PREVIEW_GATEWAY_BIND_ADDRESS";

    /// <summary>The gateway's port (<c>PreviewGatewayPort</c>); unset for a free one.</summary>
    public const string GatewayPort = "PREVIEW_GATEWAY_PORT";

    /// <summary><c>token</c> or <c>none</c> (<c>PreviewAuth</c>). The token itself never travels in a variable.</summary>
    public const string GatewayAuth = "PREVIEW_GATEWAY_AUTH";

    /// <summary>The public URL in front of the gateway (<c>PreviewPublicUrl</c>).</summary>
    public const string GatewayPublicUrl = "PREVIEW_GATEWAY_PUBLIC_URL";

    /// <summary>Proxies whose forwarded headers the gateway believes (<c>PreviewTrustedProxies</c>), separated by <c>;</c>.</summary>
    public const string GatewayTrustedProxies = "PREVIEW_GATEWAY_TRUSTED_PROXIES";

    /// <summary>
    /// The folder of seeded-data templates (<c>&lt;state root&gt;/templates</c>); unset when <c>PreviewTemplates=false</c>
    /// or under F5, and then every environment seeds its databases itself.
    /// </summary>
    public const string TemplatesDirectory = "PREVIEW_TEMPLATES_DIR";

    /// <summary>How long an unused template is kept, in seconds (<c>PreviewTemplateRetention</c>).</summary>
    public const string TemplateRetention = "PREVIEW_TEMPLATE_RETENTION_SECONDS";

    /// <summary>How many templates of one server are kept, the most recently used (<c>PreviewTemplatesPerServer</c>).</summary>
    public const string TemplatesPerServer = "PREVIEW_TEMPLATES_PER_SERVER";

    /// <summary>
    /// A webhook alerts go to besides preview.yaml's (<c>-p:PreviewAlertWebhook=</c>): an http(s) address, optionally
    /// after <c>slack:</c> or <c>json:</c>; validated by the build.
    /// </summary>
    public const string AlertWebhook = "PREVIEW_ALERT_WEBHOOK";
}
