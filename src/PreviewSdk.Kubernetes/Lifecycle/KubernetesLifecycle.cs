using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;
using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Kubernetes.Cluster;
using PreviewSdk.Kubernetes.Naming;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Kubernetes.Lifecycle;

/// <summary>
/// <c>-t:Preview</c>, <c>-t:PreviewDown</c> and <c>-t:PreviewList</c> on a cluster, with the local target's
/// semantics: an environment that is up is reported, not applied twice; a start that fails (a refused object, a
/// rollout past <c>PreviewTimeout</c>, a failed seeding) deletes its namespace; only namespaces with this product's
/// labels for that environment are ever applied into or deleted; expired environments are swept first.
/// </summary>
public sealed class KubernetesLifecycle(ClusterConnection connection, IPreviewReporter reporter)
{
    private readonly EnvironmentNamespaces namespaces = new(connection.Client);

    /// <summary>
    /// After <see cref="UpAsync"/> succeeded (applied, or found up): the environment's links and its record as the
    /// cluster has them (owner, branch, expiry), for the pull request comment and the step summary. Null otherwise.
    /// </summary>
    public (EnvironmentLinks Links, EnvironmentRecord Record)? Published { get; private set; }

    /// <summary>Brings the environment up; false after reporting an error (then nothing of it is left on the cluster).</summary>
    public async Task<bool> UpAsync(KubernetesUpRequest up, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(up);
        var environment = up.Environment;
        var request = up.Request;
        var location = SourceLocation.WholeFile(up.ProjectPath);
        var diagnostics = new DiagnosticBag();
        var secrets = SecretValues.Fill(environment, up.Variables, location, diagnostics);
        if (secrets is null)
        {
            diagnostics.ToList().ForEach(reporter.Report);
            return false;
        }

        await new ClusterSweep(namespaces, reporter).RunAsync(DateTimeOffset.UtcNow, cancellationToken);
        if (await namespaces.FindAsync(environment.Namespace, cancellationToken) is { } existing)
        {
            if (!existing.Is(request.Plan.AppName, request.Environment))
            {
                reporter.Report(NotOurs(existing, request.Plan.AppName, request.Environment, location));
                return false;
            }

            if (!up.Recreate && !existing.IsTerminating)
            {
                var links = await LinksOfAsync(environment, request.Profile.Name, existing.CreatedAt, cancellationToken);
                reporter.Info(Describe(environment, links, $"is already up on the cluster (namespace {environment.Namespace}, expires {EnvironmentListRenderer.Expiry(existing.ToRecord(), DateTimeOffset.UtcNow)}); use -p:PreviewRecreate=true to apply it anew"));
                Published = (links, existing.ToRecord() with { ProjectPath = Path.GetFullPath(up.ProjectPath) });
                return true;
            }

            reporter.Info($"Deleting preview '{request.Environment}' (namespace {environment.Namespace}) to apply it anew.");
            if (!await namespaces.DeleteAsync(existing, up.Timeout, cancellationToken))
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.NamespaceDeletionTimedOut, location, existing.Name, (int)up.Timeout.TotalSeconds));
                return false;
            }
        }

        if (request.Budget is { } budget && await BudgetRefusalAsync(request, budget, up.Footprint, environment.Namespace, cancellationToken) is { } refusal)
        {
            reporter.Report(refusal);
            return false;
        }

        return await ApplyAndWaitAsync(up, secrets, location, cancellationToken);
    }

    /// <summary>Deletes the environment's namespace when it carries the environment's labels; false after an error.</summary>
    public async Task<bool> DownAsync(string app, string environmentName, string projectPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var location = SourceLocation.WholeFile(projectPath);
        var name = ClusterLabels.NamespaceOf(app, environmentName);
        if (await namespaces.FindAsync(name, cancellationToken) is not { } existing)
        {
            reporter.Info($"Preview '{environmentName}' of '{app}' is not on the cluster; nothing to delete.");
            return true;
        }

        if (!existing.Is(app, environmentName))
        {
            reporter.Report(NotOurs(existing, app, environmentName, location));
            return false;
        }

        if (!await namespaces.DeleteAsync(existing, timeout, cancellationToken))
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.NamespaceDeletionTimedOut, location, name, (int)timeout.TotalSeconds));
            return false;
        }

        reporter.Info($"Preview '{environmentName}' of '{app}' is down (namespace {name} deleted).");
        return true;
    }

    /// <summary>Sweeps the expired environments, then lists the cluster's environments.</summary>
    public async Task<IReadOnlyList<ClusterEnvironment>> ListAsync(CancellationToken cancellationToken)
    {
        var left = await new ClusterSweep(namespaces, reporter).RunAsync(DateTimeOffset.UtcNow, cancellationToken);
        reporter.Info(Render(left, DateTimeOffset.UtcNow, connection.Context));
        return left;
    }

    /// <summary>The listing of <paramref name="environments"/>: the local listing's columns, and each directory link.</summary>
    public static string Render(IReadOnlyList<ClusterEnvironment> environments, DateTimeOffset now, string context)
    {
        if (environments.Count == 0)
        {
            return $"No preview environments on the cluster of context '{context}'.";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{environments.Count} preview environment(s) on the cluster of context '{context}':");
        foreach (var environment in environments)
        {
            var record = environment.ToRecord();
            text.Append(CultureInfo.InvariantCulture, $"\n  {record.Name}  app={record.App}  profile={record.Profile}  namespace={environment.Name}  age={EnvironmentListRenderer.Age(now - record.StartedAt)}  expires={EnvironmentListRenderer.Expiry(record, now)}");
            text.Append(CultureInfo.InvariantCulture, $"  owner={record.Owner ?? "?"}  branch={record.Branch ?? "-"}  team={record.Team ?? "-"}  cpu={Core.Budgets.ResourceQuantity.FormatCpus(record.Cpus ?? 0)}  memory={Core.Budgets.ResourceQuantity.FormatMemory(record.MemoryBytes ?? 0)}");
            if (environment.Directory is { } directory)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    directory  {directory}");
            }
        }

        return text.ToString();
    }

    private async Task<bool> ApplyAndWaitAsync(KubernetesUpRequest up, IReadOnlyList<V1Secret> secrets, SourceLocation location, CancellationToken cancellationToken)
    {
        var environment = up.Environment;
        var request = up.Request;
        var objects = new List<k8s.IKubernetesObject<V1ObjectMeta>> { WithExpiry((V1Namespace)environment.Objects[0], request) };
        objects.AddRange(secrets);
        objects.AddRange(environment.Objects.Skip(1));
        var created = false;
        try
        {
            foreach (var item in objects)
            {
                try
                {
                    await ServerSideApply.ApplyAsync(connection.Client, item, cancellationToken);
                    created = true;
                }
                catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
                {
                    reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.ObjectRefused, location, item.Kind, item.Metadata.Name, request.Environment, DiagnosticText.Echo(ClusterFailure.Describe(e)).TrimEnd('.') + "."));
                    return await FailAsync(environment, created, up.Timeout, cancellationToken);
                }
            }

            // Applied: a race with another start of the team may have taken the last place meanwhile.
            if (request.Budget is { } budget && await BudgetRefusalAsync(request, budget, up.Footprint, environment.Namespace, cancellationToken, countingSelf: true) is { } refusal)
            {
                reporter.Report(refusal);
                return await FailAsync(environment, created, up.Timeout, cancellationToken);
            }

            reporter.Info($"Applied preview '{request.Environment}' to namespace {environment.Namespace} ({objects.Count} objects); waiting for the rollout.");
            var state = await new RolloutWait(connection.Client).WaitAsync(environment, up.Timeout, cancellationToken);
            if (state.FailedJob is { } job)
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.SeedJobFailed, location, job.EndsWith("-seed", StringComparison.Ordinal) ? job[..^5] : job, request.Environment, DiagnosticText.Echo(state.Reason ?? "failed"), environment.Namespace));
                return await FailAsync(environment, created, up.Timeout, cancellationToken);
            }

            if (!state.IsReady)
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.RolloutTimedOut, location, request.Environment, (int)up.Timeout.TotalSeconds, state.Waiting, DiagnosticText.Echo(state.Reason ?? "not ready"), environment.Namespace));
                return await FailAsync(environment, created, up.Timeout, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            await FailAsync(environment, created, up.Timeout, CancellationToken.None);
            throw;
        }

        await InstallSweeperAsync(up, cancellationToken);
        var applied = await namespaces.FindAsync(environment.Namespace, cancellationToken);
        var upLinks = await LinksOfAsync(environment, request.Profile.Name, DateTimeOffset.UtcNow, cancellationToken);
        reporter.Info(Describe(environment, upLinks, "is up on the cluster"));
        if (applied is not null)
        {
            Published = (upLinks, applied.ToRecord() with { ProjectPath = Path.GetFullPath(up.ProjectPath) });
        }

        return true;
    }

    private async Task<bool> FailAsync(RenderedEnvironment environment, bool created, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (created && await namespaces.FindAsync(environment.Namespace, cancellationToken) is { } partial)
        {
            await namespaces.DeleteAsync(partial, timeout, cancellationToken);
        }

        return false;
    }

    // The budget counts the team's namespaces on the cluster; the quota of each is its hard cap. Counted once before
    // anything is applied, and again once this namespace exists, so of two starts racing for the last place the
    // later-created one gives way.
    private async Task<PreviewDiagnostic?> BudgetRefusalAsync(RenderRequest request, TeamBudget budget, EnvironmentFootprint footprint, string own, CancellationToken cancellationToken, bool countingSelf = false)
    {
        var team = await namespaces.ListAsync(cancellationToken, ClusterLabels.TeamSelector(request.Team));
        var holders = team.Where(environment => !environment.IsTerminating).ToList();
        if (countingSelf)
        {
            var self = holders.FindIndex(environment => environment.Name == own);
            holders = self < 0 ? holders : holders.Take(self).ToList();
        }
        else
        {
            holders = holders.Where(environment => environment.Name != own).ToList();
        }

        var records = holders.Select(environment => environment.ToRecord()).ToList();
        return BudgetCheck.Exceeded(budget, footprint, records).Count == 0
            ? null
            : BudgetCheck.Refusal(request.Environment, budget, footprint, records, DateTimeOffset.UtcNow);
    }

    private static V1Namespace WithExpiry(V1Namespace rendered, RenderRequest request)
    {
        var annotations = new SortedDictionary<string, string>(rendered.Metadata.Annotations, StringComparer.Ordinal);
        if (!request.Keep)
        {
            annotations[ClusterLabels.ExpiresAt] = (DateTimeOffset.UtcNow + request.TimeToLive).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        return new V1Namespace
        {
            ApiVersion = rendered.ApiVersion,
            Kind = rendered.Kind,
            Metadata = new V1ObjectMeta { Name = rendered.Metadata.Name, Labels = rendered.Metadata.Labels, Annotations = annotations },
        };
    }

    private async Task InstallSweeperAsync(KubernetesUpRequest up, CancellationToken cancellationToken)
    {
        if (up.Sweeper.Count == 0)
        {
            return;
        }

        try
        {
            var installed = await connection.Client.BatchV1.ReadNamespacedCronJobAsync(SweeperObjects.Name, SweeperObjects.Namespace, cancellationToken: cancellationToken);
            if (installed.Metadata.Labels?.TryGetValue(SweeperObjects.VersionLabel, out var version) == true && version == up.SdkVersion)
            {
                return;
            }
        }
        catch (Exception e) when (ClusterFailure.IsNotFound(e))
        {
            // Not installed yet.
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.SweeperNotInstalled, DiagnosticSeverity.Warning, SourceLocation.WholeFile(up.ProjectPath), SweeperObjects.Namespace, DiagnosticText.Echo(ClusterFailure.Describe(e)).TrimEnd('.') + "."));
            return;
        }

        try
        {
            foreach (var item in up.Sweeper)
            {
                await ServerSideApply.ApplyAsync(connection.Client, item, cancellationToken);
            }

            reporter.Info($"Installed the CronJob {SweeperObjects.Name} in namespace {SweeperObjects.Namespace}: it deletes expired previews every 15 minutes.");
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.SweeperNotInstalled, DiagnosticSeverity.Warning, SourceLocation.WholeFile(up.ProjectPath), SweeperObjects.Namespace, DiagnosticText.Echo(ClusterFailure.Describe(e)).TrimEnd('.') + "."));
        }
    }

    // The links through the environment's gateway Ingress: the shared link only when the access token's Secret can
    // be read (without that right the directory page asks for the token). No dashboard runs on a cluster.
    private async Task<EnvironmentLinks> LinksOfAsync(RenderedEnvironment environment, string profile, DateTimeOffset readyAt, CancellationToken cancellationToken)
    {
        string? token = null;
        var tokenRequired = environment.Secrets.Any(secret => secret.Name == GatewayObjects.AccessSecret);
        if (tokenRequired)
        {
            try
            {
                var secret = await connection.Client.CoreV1.ReadNamespacedSecretAsync(GatewayObjects.AccessSecret, environment.Namespace, cancellationToken: cancellationToken);
                token = secret.Data?.TryGetValue(AccessTokenFile.FileName, out var bytes) == true ? Encoding.UTF8.GetString(bytes)
                    : secret.StringData?.TryGetValue(AccessTokenFile.FileName, out var plain) == true ? plain : null;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                // Left out: the directory page asks for the token.
            }
        }

        var services = environment.OfKind<V1Service>()
            .Where(service => service.Spec.Ports.Any(port => port.Name == "http") && service.Metadata.Name != GatewayObjects.Name)
            .Select(service => service.Metadata.Name);
        // Asked for even when the token could not be read: the shared link is then the directory page, which asks.
        return EnvironmentLinks.Through(environment.Addresses, token, environment.Addresses.Environment, profile, readyAt, services)
            with { Dashboard = string.Empty, TokenRequired = tokenRequired };
    }

    private static string Describe(RenderedEnvironment environment, EnvironmentLinks links, string status)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Preview '{environment.Addresses.Environment}' {status}");
        if (links.SharedLink != links.Directory)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    shared     {links.SharedLink}");
        }

        text.Append(CultureInfo.InvariantCulture, $"\n    directory  {links.Directory}");
        foreach (var service in links.Services)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    {service.Name,-10} {service.Url}");
        }

        return text.ToString();
    }

    private static PreviewDiagnostic NotOurs(ClusterEnvironment existing, string app, string environment, SourceLocation location)
    {
        var labels = existing.Namespace.Metadata.Labels;
        var found = labels is null || !labels.ContainsKey(ClusterLabels.ManagedBy) ? "it carries no PreviewSdk labels"
            : $"it is preview '{existing.Environment}' of '{existing.App}'";
        return DiagnosticFactory.Create(DiagnosticCodes.NamespaceNotOurs, location, existing.Name, environment, app, found);
    }
}
