using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Generation;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Tasks;

/// <inheritdoc cref="GeneratePreviewAppHost"/>
public sealed partial class GeneratePreviewAppHost : PreviewTask
{
    /// <summary>Name of the plan file in <see cref="OutputDirectory"/>.</summary>
    public const string PlanFileName = "preview.plan.json";

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        var projects = ServiceProjects
            .Select(item => new ServiceProject(
                Path.GetFullPath(item.ItemSpec),
                IsRunnable: item.GetMetadata("OutputType") is "Exe" or "WinExe",
                IsWeb: string.Equals(item.GetMetadata("IsWeb"), "true", StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (!PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile))
        {
            return false;
        }

        var result = PreviewPlanner.Plan(Path.GetFullPath(ManifestPath), Path.GetFullPath(ProjectPath), DefaultAppName, projects, profile);
        foreach (var diagnostic in result.Diagnostics)
        {
            Report(diagnostic);
        }

        if (result.Plan is not { } plan)
        {
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(OutputDirectory);
        var generated = new List<ITaskItem>
        {
            WriteIfChanged(AppHostGenerator.ResourcesFileName, AppHostGenerator.GenerateResources(plan, SdkVersion)),
        };
        if (GenerateEntryPoint)
        {
            generated.Add(WriteIfChanged(AppHostGenerator.EntryPointFileName, AppHostGenerator.GenerateEntryPoint(SdkVersion)));
        }

        GeneratedFiles = [.. generated];
        PlanFile = WriteIfChanged(PlanFileName, System.Text.Json.JsonSerializer.Serialize(plan, StateJson.Options)).ItemSpec;
        WriteLaunchSettings(plan.ProfileNames);
        return true;
    }

    private void WriteLaunchSettings(IReadOnlyList<string> profiles)
    {
        if (string.IsNullOrEmpty(LaunchSettingsPath))
        {
            return;
        }

        var path = Path.GetFullPath(LaunchSettingsPath);
        var outcome = LaunchSettingsFile.Write(path, profiles);
        var message = outcome switch
        {
            LaunchSettingsFile.Outcome.Created or LaunchSettingsFile.Outcome.Updated =>
                $"PreviewSdk wrote {path}: one launch profile per preview profile ({string.Join(", ", profiles)}), for F5 and dotnet run --launch-profile.",
            LaunchSettingsFile.Outcome.LeftAlone => $"PreviewSdk left {path} alone: it was edited.",
            _ => null,
        };
        if (message is not null)
        {
            Log.LogMessage(outcome == LaunchSettingsFile.Outcome.LeftAlone ? MessageImportance.Low : MessageImportance.High, message);
        }
    }

    // Unchanged text keeps the old timestamp, so an unchanged preview.yaml never recompiles the app host.
    private TaskItem WriteIfChanged(string fileName, string text)
    {
        var path = Path.GetFullPath(Path.Combine(OutputDirectory, fileName));
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path, text);
            Log.LogMessage(MessageImportance.Low, $"PreviewSdk wrote {path}.");
        }

        return new TaskItem(path);
    }
}
