namespace PreviewSdk.Tasks;

/// <summary>
/// Reports a <c>PreviewServiceLauncher</c> that is neither <c>direct</c> nor <c>dotnet-run</c> (PREVIEW1019), before
/// the app host is planned; the targets run it only then.
/// </summary>
public sealed class CheckPreviewServiceLauncher : PreviewTask
{
    /// <summary>The preview project file.</summary>
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>PreviewServiceLauncher.</summary>
    public string ServiceLauncher { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken) =>
        PreviewProperties.CheckServiceLauncher(this, ServiceLauncher, ProjectPath);
}
