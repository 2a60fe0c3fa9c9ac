using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Settings;
using PreviewSdk.Kubernetes.Sweeper;

// In the CronJob's pod: the service account's in-cluster credentials; elsewhere (a test, an administrator's
// machine) the kubeconfig named by the first argument, $KUBECONFIG or ~/.kube/config.
var diagnostics = new DiagnosticBag();
var location = SourceLocation.WholeFile(string.Empty);
using var connection = ClusterConnection.Open(new KubernetesSettings { Kubeconfig = args.Length > 0 ? Path.GetFullPath(args[0]) : null }, location, diagnostics);
if (connection is null || !await connection.CheckAsync(location, diagnostics, CancellationToken.None))
{
    foreach (var diagnostic in diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 1;
}

var reporter = new ConsoleReporter();
var left = await new ClusterSweep(new EnvironmentNamespaces(connection.Client), reporter).RunAsync(DateTimeOffset.UtcNow, CancellationToken.None);
Console.WriteLine($"{left.Count} preview environment(s) left on the cluster.");
return reporter.Warned ? 1 : 0;
