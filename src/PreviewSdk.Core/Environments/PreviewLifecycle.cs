using PreviewSdk.Core.Profiles;
using System.Diagnostics;
using System.Globalization;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Core.PostMortems;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Starts, stops and lists environments: what <c>-t:Preview</c>, <c>-t:PreviewDown</c> and <c>-t:PreviewList</c>
/// do, without MSBuild types. Every failure leaves nothing running and no state folder behind.
/// </summary>
public sealed partial class PreviewLifecycle(IPreviewReporter reporter)
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(300);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    /// <summary>Brings the environment up (or reports the one already up). Returns false after reporting an error.</summary>
    /// <remarks>Cancelling <paramref name="cancellationToken"/> while it waits tears the starting environment down.</remarks>
    public bool Up(UpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Guarded(request.StateRoot, create: true, () => UpUnguarded(request, cancellationToken));
    }

    private bool UpUnguarded(UpRequest request, CancellationToken cancellationToken)
    {
        var registry = new EnvironmentRegistry(request.StateRoot);
        var folder = registry.FolderOf(request.Plan.AppName, request.Name);
        using var environmentLock = TryLock(registry, request.Plan.AppName, request.Name);
        if (environmentLock is null)
        {
            return false;
        }

        if (EnvironmentRegistry.Read(folder) is { } existing)
        {
            // Read once: each read scans the app host's /proc entry.
            var alive = existing.IsAlive;
            var expired = RegistrySweep.Reason(existing, DateTimeOffset.UtcNow) is not null && alive;
            var repeat = RepeatOutcome.StartAnew;
            if (alive && !expired && !request.Recreate && existing.Links is { } links)
            {
                // Nothing may be started, so no admission sweeps the registry: do it here, so a dead app host's
                // processes are reaped by the next command whatever it is.
                RegistrySweep.Run(registry, DateTimeOffset.UtcNow, reporter, entry => Path.GetFullPath(entry.Folder) == Path.GetFullPath(folder));
                repeat = Repeat(request, existing, links, cancellationToken);
                if (repeat is RepeatOutcome.Done or RepeatOutcome.Failed)
                {
                    return repeat == RepeatOutcome.Done;
                }
            }

            if (repeat != RepeatOutcome.StartAnewExplained)
            {
                reporter.Info(expired ? $"Cleaning up preview '{request.Name}', which expired."
                    : alive ? $"Stopping preview '{request.Name}' to start it anew."
                    : $"Cleaning up preview '{request.Name}', whose app host is gone.");
            }
            if (!TearDown(existing))
            {
                return false;
            }
        }

        try
        {
            if (RuntimePreparation.Prepare(request, reporter, cancellationToken) is not { } runtimes
                || !RuntimePreparation.CheckBinaries(request.Plan, runtimes, request.ProjectPath, reporter))
            {
                return false;
            }

            if (request.Gateway.Port is { } port && !GatewayPort.IsFree(request.Gateway.BindAddress, port))
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.GatewayPortInUse, SourceLocation.WholeFile(request.ProjectPath), port, request.Gateway.BindAddress, request.Name));
                return false;
            }

            if (!File.Exists(request.AppHostPath))
            {
                reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.AppHostMissing, SourceLocation.WholeFile(request.ProjectPath), request.AppHostPath, request.Name));
                return false;
            }

            return Start(request, runtimes, registry, folder, cancellationToken);
        }
        finally
        {
            // A start that failed left no environment; its lock file goes too.
            if (!Directory.Exists(folder))
            {
                environmentLock.DeleteOnRelease();
            }
        }
    }

    // A state folder the file system refuses to write is the user's to fix (PREVIEW2030), not a bug (PREVIEW9001):
    // checked before anything is locked or started, and caught wherever a later write or delete fails.
    private bool Guarded(string stateRoot, bool create, Func<bool> command)
    {
        if (StateFolderAccess.Check(stateRoot, create, "locks") is { } problem)
        {
            reporter.Report(problem);
            return false;
        }

        try
        {
            return command();
        }
        catch (Exception e) when (StateFolderAccess.IsAccessProblem(e))
        {
            reporter.Report(StateFolderAccess.Describe(stateRoot, e));
            return false;
        }
    }

    /// <summary>Whether <paramref name="entry"/> is the environment <paramref name="name"/> of the preview project <paramref name="projectPath"/>.</summary>
    internal static bool IsOf(EnvironmentEntry entry, string projectPath, string name) =>
        entry.Record.Name == name && entry.Record.ProjectPath is { } recorded && Path.GetFullPath(recorded) == Path.GetFullPath(projectPath);

    private bool Start(UpRequest request, RuntimeDecisions runtimes, EnvironmentRegistry registry, string folder, CancellationToken cancellationToken)
    {
        var environmentId = Guid.NewGuid().ToString("N");
        var dashboardUrl = $"http://127.0.0.1:{LoopbackPorts.Next()}";
        var projectFolder = Path.GetDirectoryName(request.ProjectPath)!;
        var startedAt = DateTimeOffset.UtcNow;
        var temp = EnvironmentTemp.Create(environmentId);
        var reservation = new EnvironmentRecord
        {
            Name = request.Name,
            App = request.Plan.AppName,
            Profile = request.Profile,
            EnvironmentId = environmentId,
            HostProcessId = 0,
            StartedAt = startedAt,
            Owner = EnvironmentOwner.Resolve(projectFolder),
            Branch = EnvironmentNames.GitBranch(projectFolder),
            Commit = EnvironmentNames.GitCommit(projectFolder),
            Auth = request.Gateway.Auth,
            GatewayBindAddress = request.Gateway.BindAddress.ToString(),
            ProjectPath = request.ProjectPath,
            DashboardUrl = dashboardUrl,
            State = EnvironmentState.Starting,
            Team = request.Team,
            Cpus = request.Footprint.Cpus,
            MemoryBytes = request.Footprint.MemoryBytes,
            Keep = request.Keep,
            ExpiresAt = request.Keep ? null : startedAt + request.TimeToLive,
            DefaultTimeToLive = request.DefaultTimeToLive ?? request.TimeToLive,
            TempDirectory = temp,
            ContainerEngine = runtimes.Engine?.Endpoint,
        };

        // Before anything starts: the budget check and this environment's reservation, under the registry lock.
        if (!new EnvironmentAdmission(registry, reporter).TryReserve(folder, reservation, request.Budget, request.Footprint, startedAt))
        {
            EnvironmentTemp.Delete(temp);
            return false;
        }

        _ = PostMortemArchive.Prune(request.StateRoot, startedAt, PostMortemArchive.RetentionPeriod);

        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [PreviewVariables.StateDirectory] = folder,
            [PreviewVariables.EnvironmentId] = environmentId,
            [PreviewVariables.EnvironmentName] = request.Name,
            [PreviewVariables.Profile] = request.Profile,
            [PreviewVariables.Timeout] = ((int)Math.Ceiling(request.Timeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Null removes one the build inherited: a webhook is for the run that names it.
            [PreviewVariables.AlertWebhook] = request.AlertWebhook,
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
            ["ASPNETCORE_URLS"] = dashboardUrl,
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{LoopbackPorts.Next()}",
            ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{LoopbackPorts.Next()}",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            // Every process of the environment inherits it; the teardown deletes it with all they left there.
            ["TMPDIR"] = temp,
            // The build's own MSBuild variables would leak into the `dotnet run` of every service.
            ["MSBuildExtensionsPath"] = null,
            ["MSBuildSDKsPath"] = null,
            ["MSBUILD_EXE_PATH"] = null,
            ["MSBuildLoadMicrosoftTargetsReadOnly"] = null,
            // A GitHub Actions runner kills every process carrying its job's tracking id when the job ends; the
            // environment is meant to outlive the build (PreviewDown or its expiry stops it).
            ["RUNNER_TRACKING_ID"] = null,
        };
        foreach (var (name, value) in request.Gateway.ToVariables())
        {
            variables[name] = value;
        }

        if (request.Templates)
        {
            variables[PreviewVariables.TemplatesDirectory] = Templates.TemplateStore.FolderUnder(request.StateRoot);
            variables[PreviewVariables.TemplateRetention] = ((long)request.TemplateRetention.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            variables[PreviewVariables.TemplatesPerServer] = request.TemplatesPerServer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        ContainerVariables.Add(variables, runtimes, request.ContainerRegistry);
        // The plan's profile, resolved by the build that wrote it for this PreviewProfile: preview.yaml is not read again.
        LightweightRuntime.AddForAppHost(variables, request.Plan.Profile);

        var stopwatch = Stopwatch.StartNew();
        int pid;
        try
        {
            // Issued here, not by the app host: the token never travels in a variable, which every resource inherits.
            if (request.Gateway.Auth == GatewayAuth.Token)
            {
                AccessTokenFile.Issue(folder);
            }

            // Owner-only before the app host writes to it: Aspire logs the dashboard's login link there.
            StateJson.WritePrivateText(Path.Combine(folder, StateFiles.HostLog), string.Empty);

            pid = DetachedLauncher.Start([request.DotnetHost, request.AppHostPath], projectFolder, variables, Path.Combine(folder, StateFiles.HostLog));
        }
        catch
        {
            // Nothing was launched: the reservation goes, and with it the claim on the budget.
            StateDeletion.Delete(folder);
            throw;
        }

        var record = reservation with { HostProcessId = pid, State = EnvironmentState.Running };
        try
        {
            StateJson.Write(Path.Combine(folder, StateFiles.Record), record);
        }
        catch (Exception e) when (StateFolderAccess.IsAccessProblem(e))
        {
            // The app host runs, but its record cannot say so: stop it rather than leave it to the next sweep.
            EnvironmentProcesses.Stop(record, StopGrace);
            throw;
        }

        var entry = new EnvironmentEntry(folder, record);
        var postMortem = PostMortemArchive.PathFor(request.StateRoot, record.App, record.Name, DateTimeOffset.UtcNow);

        PreviewDiagnostic? failure;
        try
        {
            failure = ReadinessWait.Until(entry, request.Timeout, postMortem, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            reporter.Info($"Cancelled: stopping preview '{request.Name}', which was still starting.");
            TearDown(entry);
            throw;
        }

        if (failure is null && entry.Links is not null)
        {
            request.Fingerprint?.Write(folder);
            var seconds = stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            reporter.Info(LinksRenderer.RenderTable(BuildLogLinks.ForLog(entry.Links!), $"is up in {seconds} s"));
            reporter.Info($"{BuildLogLinks.WhereKept(Path.Combine(folder, StateFiles.LinksJson), entry.Links!)} Stop it with -t:PreviewDown.");
            foreach (var warning in entry.Links!.Limits.Select(limits => limits.ToWarning(SourceLocation.WholeFile(request.ProjectPath))).OfType<PreviewDiagnostic>())
            {
                reporter.Report(warning);
            }

            SharingWarnings.Report(reporter, record, entry.Links, request.ProjectPath);
            foreach (var warning in entry.Links.Data.SelectMany(data => data.Warnings))
            {
                reporter.Report(warning);
            }

            return true;
        }

        // Reported after tearing down, so the message can say the environment is gone; it was read before.
        TearDown(entry, postMortem);
        reporter.Report(failure ?? DiagnosticFactory.Create(DiagnosticCodes.AppHostExited, SourceLocation.WholeFile(request.ProjectPath), request.Name, postMortem) with { Details = "    (it reported ready, but wrote no links)" });
        return false;
    }

    private RegistryLock? TryLock(EnvironmentRegistry registry, string app, string name) => TryLock(reporter, registry, app, name);

    /// <summary>Takes the environment's lock, waiting up to 300 s; reports PREVIEW2004 and returns null when it cannot.</summary>
    internal static RegistryLock? TryLock(IPreviewReporter reporter, EnvironmentRegistry registry, string app, string name)
    {
        try
        {
            return registry.LockEnvironment(app, name, LockTimeout);
        }
        catch (TimeoutException)
        {
            var lockPath = registry.EnvironmentLockPath(app, name);
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.EnvironmentLocked, SourceLocation.WholeFile(lockPath),
                name, LockTimeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture), lockPath));
            return null;
        }
    }
}
