using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Kubernetes.Cluster;

/// <summary>
/// Deletes the expired environments of a cluster: what every <c>-t:Preview</c> and <c>-t:PreviewList</c> does first,
/// and what the <c>previewsdk-sweeper</c> CronJob does every 15 minutes. Only namespaces that carry PreviewSdk's
/// labels are considered; a failure to delete one is a warning (PREVIEW7041), never a failed command.
/// </summary>
public sealed class ClusterSweep(EnvironmentNamespaces namespaces, IPreviewReporter reporter)
{
    /// <summary>How long a sweep waits for one namespace to go.</summary>
    public static TimeSpan DeleteTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Sweeps; returns the environments left (not expired, or not deletable).</summary>
    public async Task<IReadOnlyList<ClusterEnvironment>> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var left = new List<ClusterEnvironment>();
        foreach (var environment in await namespaces.ListAsync(cancellationToken))
        {
            if (!environment.HasExpired(now) || environment.IsTerminating)
            {
                if (!environment.IsTerminating)
                {
                    left.Add(environment);
                }

                continue;
            }

            try
            {
                // Not waited for to the end: the next command finds it terminating and passes it over.
                await namespaces.DeleteAsync(environment, TimeSpan.Zero, cancellationToken);
                reporter.Info($"Cleaned up preview '{environment.Environment}' of '{environment.App}' on the cluster: it expired at {environment.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.SweepFailed, DiagnosticSeverity.Warning, SourceLocation.WholeFile(string.Empty),
                    environment.Environment, environment.App, environment.Name, DiagnosticText.Echo(ClusterFailure.Describe(e)).TrimEnd('.') + "."));
                left.Add(environment);
            }
        }

        return left;
    }
}
