using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// What the build tells an app host started without <c>-t:Preview</c> (F5, <c>dotnet run</c>): the project and the
/// settings <c>-t:Preview</c> would have used, so it can register itself in the same registry under the same name.
/// Written by the SDK as <see cref="FileName"/> beside the built app host.
/// </summary>
public sealed record LaunchFile
{
    /// <summary>The file's name, beside the app host's assembly.</summary>
    public const string FileName = "preview.launch.json";

    /// <summary>The preview project file.</summary>
    public required string ProjectPath { get; init; }

    /// <summary>The plan the build wrote (<c>preview.plan.json</c>).</summary>
    public required string PlanFile { get; init; }

    /// <summary>preview.yaml.</summary>
    public required string ManifestPath { get; init; }

    /// <summary>The <c>PreviewStateRoot</c> property (absolute), or empty for the default root.</summary>
    public string StateRoot { get; init; } = string.Empty;

    /// <summary>The <c>PreviewTeam</c> property, or empty.</summary>
    public string Team { get; init; } = string.Empty;

    /// <summary>The <c>PreviewBudgetFile</c> property, or empty.</summary>
    public string BudgetFile { get; init; } = string.Empty;

    /// <summary>The <c>PreviewTemplates</c> property as written, or empty (on).</summary>
    public string Templates { get; init; } = string.Empty;

    /// <summary>The <c>PreviewTemplateRetention</c> property as written, or empty (7 days).</summary>
    public string TemplateRetention { get; init; } = string.Empty;

    /// <summary>The <c>PreviewTemplatesPerServer</c> property as written, or empty (3).</summary>
    public string TemplatesPerServer { get; init; } = string.Empty;

    /// <summary>
    /// Where an app host started by F5 or <c>dotnet run</c> keeps and finds seeded-data templates: the registry's
    /// templates folder, as for <c>-t:Preview</c>, unless <c>PreviewTemplates=false</c> (then null).
    /// </summary>
    public string? TemplatesDirectory() =>
        string.Equals(Templates.Trim(), "false", StringComparison.OrdinalIgnoreCase)
            ? null
            : PreviewSdk.Core.Templates.TemplateStore.FolderUnder(Environments.StateRoot.Resolve(string.IsNullOrWhiteSpace(StateRoot) ? null : StateRoot));

    /// <summary>
    /// How long an unused template is kept: <see cref="TemplateRetention"/> when it is a valid duration (what
    /// <c>-t:Preview</c> accepts), else the default; there is no build to report a wrong value to.
    /// </summary>
    public TimeSpan TemplateRetentionOrDefault() =>
        Profiles.DurationText.TryParse(TemplateRetention, out var retention) && retention > TimeSpan.Zero && retention <= Profiles.DurationText.Maximum
            ? retention
            : PreviewSdk.Core.Templates.TemplateStore.DefaultRetention;

    /// <summary>How many templates of one server are kept: <see cref="TemplatesPerServer"/> when valid, else the default.</summary>
    public int TemplatesPerServerOrDefault() =>
        PreviewSdk.Core.Templates.TemplateStore.TryParsePerServer(TemplatesPerServer, out var perServer) ? perServer : PreviewSdk.Core.Templates.TemplateStore.DefaultPerServer;

    /// <summary>The launch file in <paramref name="appHostDirectory"/>, or null when it has none (an app host not built by PreviewSdk's targets).</summary>
    public static LaunchFile? Find(string appHostDirectory) =>
        StateJson.TryRead<LaunchFile>(Path.Combine(appHostDirectory, FileName));

    /// <summary>The plan it names.</summary>
    /// <exception cref="IOException">The plan is gone (the obj folder was cleaned without a build).</exception>
    public EnvironmentPlan ReadPlan() => EnvironmentPlan.Read(PlanFile);
}
