using k8s;
using k8s.Exceptions;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Kubernetes.Settings;

namespace PreviewSdk.Kubernetes.Cluster;

/// <summary>
/// A client of the cluster named by the kubeconfig and context: <c>PreviewKubeconfig</c>, else the first file of
/// <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>, else the service account of the pod the build runs in. Opening
/// checks the kubeconfig (PREVIEW7001, 7002, 7005); <see cref="CheckAsync"/> asks the server for its version
/// (PREVIEW7003, 7004), so a bad cluster is a coded error before anything is built, pushed or applied.
/// </summary>
public sealed class ClusterConnection : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

    private ClusterConnection(IKubernetes client, string context, string server)
    {
        Client = client;
        Context = context;
        Server = server;
    }

    /// <summary>The client.</summary>
    public IKubernetes Client { get; }

    /// <summary>The context's name (<c>in-cluster</c> inside a pod).</summary>
    public string Context { get; }

    /// <summary>The API server's address.</summary>
    public string Server { get; }

    /// <summary>The connection, or null after adding the coded error to <paramref name="diagnostics"/>.</summary>
    public static ClusterConnection? Open(KubernetesSettings settings, SourceLocation location, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var path = KubeconfigPath(settings.Kubeconfig);
        if (path is null)
        {
            if (settings.Context is null && KubernetesClientConfiguration.IsInCluster())
            {
                var inCluster = KubernetesClientConfiguration.InClusterConfig();
                return new ClusterConnection(new k8s.Kubernetes(inCluster), "in-cluster", inCluster.Host);
            }

            diagnostics.Error(DiagnosticCodes.KubeconfigMissing, location);
            return null;
        }

        k8s.KubeConfigModels.K8SConfiguration file;
        try
        {
            file = KubernetesClientConfiguration.LoadKubeConfig(path);
        }
        catch (Exception e) when (e is KubeConfigException or YamlDotNet.Core.YamlException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            diagnostics.Error(DiagnosticCodes.KubeconfigUnreadable, location, path, DiagnosticText.Echo(Message(e)) + ".");
            return null;
        }

        var contexts = file.Contexts?.Select(context => context.Name).Where(name => name is not null).ToList() ?? [];
        var context = settings.Context ?? file.CurrentContext;
        if (context is null || !contexts.Contains(context, StringComparer.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.KubeContextNotFound, location, path, context ?? "(no current-context)", contexts.Count == 0 ? "none" : string.Join(", ", contexts));
            return null;
        }

        try
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(file, context);
            return new ClusterConnection(new k8s.Kubernetes(configuration), context, configuration.Host);
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException or ArgumentException or FormatException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            diagnostics.Error(DiagnosticCodes.KubeconfigUnreadable, location, path, DiagnosticText.Echo(Message(e)) + ".");
            return null;
        }
    }

    /// <summary>Whether the server answers and accepts the credentials; false after adding PREVIEW7003 or 7004.</summary>
    public async Task<bool> CheckAsync(SourceLocation location, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await Client.Version.GetCodeAsync(timeout.Token);
            // The version is public on many clusters: the credentials show only on a call that needs them.
            await Client.CoreV1.ListNamespaceAsync(limit: 1, labelSelector: Naming.ClusterLabels.ManagedSelector, cancellationToken: timeout.Token);
            return true;
        }
        catch (Exception e) when (ClusterFailure.IsDenied(e))
        {
            diagnostics.Error(DiagnosticCodes.ClusterAccessDenied, location, Context, "the request to list namespaces", DiagnosticText.Echo(ClusterFailure.Describe(e)));
            return false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {ProbeTimeout.TotalSeconds:0} s." : DiagnosticText.Echo(ClusterFailure.Describe(e)).TrimEnd('.') + ".";
            diagnostics.Error(DiagnosticCodes.ClusterUnreachable, location, Context, Server, reason);
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();

    /// <summary>The kubeconfig file to use, or null when there is none.</summary>
    public static string? KubeconfigPath(string? configured)
    {
        if (configured is not null)
        {
            return configured;
        }

        var variable = Environment.GetEnvironmentVariable("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(variable))
        {
            var first = variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(File.Exists);
            if (first is not null)
            {
                return Path.GetFullPath(first);
            }
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home) ? home : null;
    }

    private static string Message(Exception e) => (e.InnerException is { } inner && inner.Message.Length > 0 ? inner.Message : e.Message).ReplaceLineEndings(" ");
}
