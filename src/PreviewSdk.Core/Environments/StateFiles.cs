namespace PreviewSdk.Core.Environments;

/// <summary>The files of an environment's state folder; one place so writers and readers cannot drift apart.</summary>
public static class StateFiles
{
    /// <summary>Written by the MSBuild layer when it starts the app host: who, what and which process.</summary>
    public const string Record = "environment.json";

    /// <summary>Rewritten by the hosting layer whenever a resource changes state.</summary>
    public const string Resources = "resources.json";

    /// <summary>Written by the hosting layer once every resource is healthy.</summary>
    public const string Ready = "ready.json";

    /// <summary>Written by the hosting layer when a resource fails before the environment became ready.</summary>
    public const string Failed = "failed.json";

    /// <summary>The links of a ready environment, for tools and CI.</summary>
    public const string LinksJson = "links.json";

    /// <summary>The links of a ready environment, for a pull request comment.</summary>
    public const string LinksMarkdown = "links.md";

    /// <summary>Held while links.json is read, changed and written again (empty; it stays until the folder goes).</summary>
    public const string LinksLock = "links.lock";

    /// <summary>
    /// Written by the hosting layer as it creates databases: their connection strings, so <c>-t:PreviewSeed</c> can
    /// reach a running environment's databases. Readable by the owner only.
    /// </summary>
    public const string Databases = "databases.json";

    /// <summary>The environment's access token, readable by the owner only (see <see cref="Sharing.AccessTokenFile"/>).</summary>
    public const string AccessToken = "access-token";

    /// <summary>Written by the hosting layer when an incident opens or closes: open incidents and recent alerts.</summary>
    public const string Alerts = "alerts.json";

    /// <summary>
    /// Written by the MSBuild layer once the environment is up, and again after it restarted changed services: what
    /// it runs (<see cref="EnvironmentFingerprint"/>), so a repeated <c>-t:Preview</c> knows what changed.
    /// </summary>
    public const string Fingerprint = "fingerprint.json";

    /// <summary>Written by <c>-t:Preview</c>: the services the app host is asked to restart (<see cref="ServiceRestartChannel"/>).</summary>
    public const string RestartRequest = "restart-request.json";

    /// <summary>Written by the hosting layer once it restarted the services of <see cref="RestartRequest"/>, or failed to.</summary>
    public const string RestartResult = "restart-result.json";

    /// <summary>The app host's own console output.</summary>
    public const string HostLog = "apphost.log";

    /// <summary>Folder of per-resource console logs.</summary>
    public const string LogsFolder = "logs";

    /// <summary>Folder of backing services' data directories.</summary>
    public const string DataFolder = "data";
}
