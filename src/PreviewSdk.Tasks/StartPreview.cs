using System.Globalization;
using PreviewSdk.Core.Diagnostics;
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

/// <summary>Validates the properties users set on the command line (PREVIEW1019).</summary>
internal static class PreviewProperties
{
    public const string DefaultProfile = "lightweight";

    public static bool TryReadSeconds(PreviewTask task, string property, string text, string projectPath, out TimeSpan value)
    {
        value = TimeSpan.FromSeconds(120);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86400)
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), property, text, "a number of seconds between 1 and 86400 (e.g. 300)"));
        return false;
    }

    public static bool TryReadProfile(PreviewTask task, string text, string projectPath, out string profile)
    {
        profile = string.IsNullOrWhiteSpace(text) ? DefaultProfile : text.Trim();
        if (Core.Manifest.ResourceName.IsValid(profile))
        {
            return true;
        }

        task.Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(projectPath), "PreviewProfile", text, "a profile name of lowercase letters, digits and hyphens (e.g. lightweight)"));
        return false;
    }
}
