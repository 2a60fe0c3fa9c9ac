using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.Runs;
using PreviewSdk.Core.Sharing;

namespace PreviewSdk.Tasks;

/// <inheritdoc cref="StartPreview"/>
public sealed partial class StartPreview : PreviewTask
{
    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        // Every property is checked, so one build reports every wrong value.
        var valid = PreviewProperties.TryReadSeconds(this, "PreviewTimeout", Timeout, ProjectPath, out var timeout)
            & PreviewProperties.TryReadProfile(this, Profile, ProjectPath, out var profile)
            & PreviewProperties.TryReadTimeToLive(this, TimeToLive, ProjectPath, out var timeToLive)
            & PreviewProperties.TryReadTeam(this, Team, ProjectPath, out var team)
            & PreviewProperties.TryReadPullRequest(this, PullRequest, ProjectPath, out var pullRequest)
            & PreviewProperties.TryReadSwitch(this, "PreviewCommentToken", CommentToken, ProjectPath, out var commentToken)
            & PreviewProperties.TryReadContainerRegistry(this, ContainerRegistry, ProjectPath, out var registry)
            & PreviewProperties.TryReadSwitch(this, "PreviewTemplates", Templates, ProjectPath, out var templates, defaultValue: true)
            & PreviewProperties.TryReadTemplateRetention(this, TemplateRetention, ProjectPath, out var templateRetention)
            & PreviewProperties.TryReadTemplatesPerServer(this, TemplatesPerServer, ProjectPath, out var templatesPerServer)
            & PreviewProperties.TryReadAlertWebhook(this, AlertWebhook, ProjectPath, out var alertWebhook);
        var diagnostics = new DiagnosticBag();
        var gateway = GatewaySettingsReader.Read(GatewaySettings(), SourceLocation.WholeFile(ProjectPath), diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Report(diagnostic);
        }

        if (!valid || gateway is null)
        {
            return false;
        }

        var plan = Core.Planning.EnvironmentPlan.Read(PlanFile);
        ResolvedName = EnvironmentNames.Resolve(PreviewName, Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);
        diagnostics = new DiagnosticBag();
        GatewaySettingsReader.CheckHostNames(gateway, ResolvedName, plan.Services.Select(service => service.Name), SourceLocation.WholeFile(ProjectPath), diagnostics);
        var budget = BudgetInputs.Resolve(Path.GetFullPath(ManifestPath), plan, profile, team, BudgetFile, ProjectPath, diagnostics);
        foreach (var diagnostic in diagnostics)
        {
            Report(diagnostic);
        }

        if (budget is null || diagnostics.HasErrors)
        {
            return false;
        }

        var request = new UpRequest
        {
            Plan = plan,
            Name = ResolvedName,
            Profile = profile,
            StateRoot = StateRootPath(),
            AppHostPath = Path.GetFullPath(AppHostPath),
            ProjectPath = Path.GetFullPath(ProjectPath),
            Timeout = timeout,
            Recreate = Recreate,
            DotnetHost = string.IsNullOrEmpty(DotnetHost) ? "dotnet" : DotnetHost,
            Team = budget.Team,
            Budget = budget.Budget,
            Footprint = budget.Footprint,
            TimeToLive = timeToLive ?? budget.ProfileTimeToLive,
            DefaultTimeToLive = budget.ProfileTimeToLive,
            Keep = Keep,
            Gateway = gateway,
            ContainerRegistry = registry,
            ContainerBaseImage = string.IsNullOrWhiteSpace(ContainerBaseImage) ? null : ContainerBaseImage.Trim(),
            Templates = templates,
            TemplateRetention = templateRetention,
            TemplatesPerServer = templatesPerServer,
            AlertWebhook = alertWebhook,
        };
        request = request with { Fingerprint = Fingerprint(request, plan) };
        if (!new PreviewLifecycle(this).Up(request, cancellationToken))
        {
            return false;
        }

        var diagnosticsOfContext = new List<PreviewDiagnostic>();
        var context = PublishingContextResolver.ForStart(Environment.GetEnvironmentVariable, pullRequest, commentToken, ProjectPath, diagnosticsOfContext);
        diagnosticsOfContext.ForEach(Report);
        new EnvironmentPublisher(this).PublishUp(context, request.StateRoot, new EnvironmentRegistry(request.StateRoot).FolderOf(plan.AppName, ResolvedName), cancellationToken);
        return true;
    }

    // What the environment would run: the plan and app host, the launch settings, and each service's output folder
    // (a service whose project did not say where it builds to is not fingerprinted, so it is never restarted alone).
    private Core.Environments.EnvironmentFingerprint Fingerprint(UpRequest request, Core.Planning.EnvironmentPlan plan)
    {
        var outputs = ServiceProjects
            .Where(item => !string.IsNullOrEmpty(item.GetMetadata("TargetPath")))
            .ToDictionary(item => Path.GetFullPath(item.ItemSpec), item => item.GetMetadata("TargetPath"), StringComparer.Ordinal);
        var services = plan.Services
            .Where(service => outputs.ContainsKey(Path.GetFullPath(service.ProjectPath)))
            .Select(service => KeyValuePair.Create(service.Name, outputs[Path.GetFullPath(service.ProjectPath)]));
        var settings = string.Join('\n', request.Gateway.ToVariables().Select(variable => $"{variable.Key}={variable.Value}")
            .Append($"templates={request.Templates}")
            .Append($"registry={request.ContainerRegistry}")
            .Append($"base-image={request.ContainerBaseImage}")
            .Append($"webhook={request.AlertWebhook}"));
        return Core.Environments.EnvironmentFingerprint.Compute(PlanFile, request.AppHostPath, settings, services);
    }

    private GatewaySettingsText GatewaySettings() => new()
    {
        Domain = Domain,
        BindAddress = BindAddress,
        Port = GatewayPort,
        Auth = Auth,
        PublicUrl = PublicUrl,
        TrustedProxies = TrustedProxies,
    };

    private string StateRootPath() => Core.Environments.StateRoot.Resolve(StateRoot);
}
