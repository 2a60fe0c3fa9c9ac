using PreviewSdk.Core.Environments;

namespace PreviewSdk.Tasks;

/// <inheritdoc cref="StartPreview"/>
public sealed partial class StartPreview : PreviewTask
{
    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        if (!PreviewProperties.TryReadSeconds(this, "PreviewTimeout", Timeout, ProjectPath, out var timeout)
            || !PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile))
        {
            return false;
        }

        ResolvedName = EnvironmentNames.Resolve(PreviewName, Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);
        var request = new UpRequest
        {
            Plan = PreviewSdk.Tasks.PlanFile.Read(PlanFile),
            Name = ResolvedName,
            Profile = profile,
            StateRoot = StateRootPath(),
            AppHostPath = Path.GetFullPath(AppHostPath),
            ProjectPath = Path.GetFullPath(ProjectPath),
            Timeout = timeout,
            Recreate = Recreate,
            DotnetHost = string.IsNullOrEmpty(DotnetHost) ? "dotnet" : DotnetHost,
        };
        return new PreviewLifecycle(this).Up(request, cancellationToken);
    }

    private string StateRootPath() => Core.Environments.StateRoot.Resolve(StateRoot);
}
