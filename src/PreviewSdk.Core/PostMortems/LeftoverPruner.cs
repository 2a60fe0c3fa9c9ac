using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.PostMortems;

/// <summary>
/// What <c>-t:PreviewPrune</c> does: removes what environments leave behind once nobody needs it: environments
/// whose app host is gone or that expired (the registry sweep), every post-mortem of the preview project and those
/// of any app older than <see cref="PostMortemArchive.RetentionPeriod"/>, and the temp folders of environments with
/// no process and no state folder left (an app host killed with SIGKILL, an F5 run killed the same way).
/// </summary>
public sealed class LeftoverPruner(IPreviewReporter reporter)
{
    /// <summary>Prunes the state root <paramref name="stateRoot"/> for the preview project <paramref name="projectPath"/>.</summary>
    public void Prune(string stateRoot, string projectPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateRoot);
        ArgumentException.ThrowIfNullOrEmpty(projectPath);
        var now = DateTimeOffset.UtcNow;
        var registry = new EnvironmentRegistry(stateRoot);
        RegistrySweep.Run(registry, now, reporter);

        var postMortems = PostMortemArchive.Prune(stateRoot, now, PostMortemArchive.RetentionPeriod, folder => PostMortemArchive.IsOf(folder, projectPath));
        var recorded = registry.List().Select(entry => entry.Record.EnvironmentId).ToHashSet(StringComparer.Ordinal);
        var temps = new List<string>();
        var failed = postMortems.Failed.ToList();
        foreach (var orphan in EnvironmentTemp.Orphans(recorded))
        {
            try
            {
                Directory.Delete(orphan, recursive: true);
                temps.Add(orphan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failed.Add((orphan, e.Message));
            }
        }

        reporter.Info($"Pruned {postMortems.Deleted.Count} post-mortem folder(s) and {temps.Count} temp folder(s) of environments that are gone.");
        foreach (var folder in postMortems.Deleted.Concat(temps))
        {
            reporter.Info($"  removed {folder}");
        }

        foreach (var (folder, reason) in failed)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.PruneIncomplete, DiagnosticSeverity.Warning, SourceLocation.WholeFile(projectPath), folder, reason));
        }
    }
}
