using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Checks a read <see cref="PreviewManifest"/> against the ProjectReferences and resolves it into an
/// <see cref="EnvironmentPlan"/>: names are validated and settled, <c>uses</c> resolved, cycles found.
/// Every check runs even after an earlier one failed, so one build shows every problem.
/// </summary>
internal sealed class EnvironmentPlanBuilder
{
    private readonly PreviewManifest manifest;
    private readonly IReadOnlyList<ServiceProject> projects;
    private readonly DiagnosticBag diagnostics;
    private readonly ProjectReferenceLocator locator;
    private readonly NameRegistry names;

    public EnvironmentPlanBuilder(
        PreviewManifest manifest, string previewProjectPath, IReadOnlyList<ServiceProject> projects, DiagnosticBag diagnostics)
    {
        this.manifest = manifest;
        this.projects = projects;
        this.diagnostics = diagnostics;
        locator = new ProjectReferenceLocator(previewProjectPath);
        names = new NameRegistry(manifest.Path, diagnostics);
    }

    /// <summary>The plan; meaningful only when no error was reported.</summary>
    public EnvironmentPlan Build(string defaultAppName)
    {
        var appName = ResolveAppName(defaultAppName);
        ReportInvalidManifestNames();

        // An entry without project: matches by its key, which an invalid key never does; it was reported above.
        var services = new ServiceBinder(projects, locator, diagnostics)
            .Bind(manifest.Services.Where(e => e.Project is not null || ResourceName.IsValid(e.Name.Value)));
        names.ClaimAll(Claims(services));

        var uses = services.Select(ResolveUses).ToList();
        ServiceCycleFinder.Report(
            services.Select((service, i) => (service.Name, ServiceUses(uses[i]))).ToList(),
            diagnostics);

        var seeds = new SeedPlanBuilder(manifest, diagnostics).Build(services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
        return new EnvironmentPlan(
            appName,
            BuildDependencies(),
            services.Select((service, i) => BuildService(service, uses[i])).ToArray())
        {
            Seeds = seeds,
            ManifestPath = Path.GetRelativePath(Path.GetDirectoryName(locator.PreviewProjectPath)!, manifest.Path).Replace('\\', '/'),
        };
    }

    private string ResolveAppName(string defaultAppName)
    {
        if (manifest.App is { } app)
        {
            ReportIfInvalidName(app, "app");
            ReportIfReserved(app.Value, app.Location);
            return app.Value;
        }

        // The preview project's name (Shop.Preview) gets the same treatment as a service's project name.
        var derived = ResourceName.Normalize(defaultAppName);
        if (!ResourceName.IsValid(derived))
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidValue,
                SourceLocation.WholeFile(locator.PreviewProjectPath),
                DiagnosticFactory.Format("Text.Subject.DefaultAppName"),
                derived,
                DiagnosticFactory.Format("Text.Rule.DefaultAppName"));
        }

        ReportIfReserved(derived, SourceLocation.WholeFile(locator.PreviewProjectPath));
        return derived;
    }

    // The state root holds each app's folder beside the registry's own folders; an app of the same name would mix with them.
    private void ReportIfReserved(string app, SourceLocation location)
    {
        if (ReservedAppNames.Contains(app, StringComparer.Ordinal))
        {
            diagnostics.Error(DiagnosticCodes.ReservedAppName, location, app, string.Join(", ", ReservedAppNames));
        }
    }

    /// <summary>Folder names of the state root that are not apps: the environment locks and the post-mortems.</summary>
    internal static IReadOnlyList<string> ReservedAppNames { get; } = ["failed", "locks"];

    private void ReportInvalidManifestNames()
    {
        foreach (var dependency in manifest.Dependencies)
        {
            ReportIfInvalidName(dependency.Name, "dependencies");
            foreach (var database in dependency.Databases)
            {
                ReportIfInvalidName(database, $"dependencies.{dependency.Name.Value}.databases");
            }
        }

        foreach (var service in manifest.Services)
        {
            ReportIfInvalidName(service.Name, "services");
        }
    }

    private void ReportIfInvalidName(Located<string> name, string keyPath)
    {
        if (!ResourceName.IsValid(name.Value))
        {
            diagnostics.Error(
                DiagnosticCodes.InvalidValue, name.Location, keyPath, name.Value, DiagnosticFactory.Format("Text.Rule.Name"));
        }
    }

    private IEnumerable<NameClaim> Claims(IReadOnlyList<BoundService> services)
    {
        var dependencyOwner = DiagnosticFactory.Format("Text.Owner.Dependency");
        var serviceOwner = DiagnosticFactory.Format("Text.Owner.Service");
        foreach (var dependency in manifest.Dependencies)
        {
            yield return new NameClaim(dependency.Name.Value, ReferenceKind.Dependency, dependency.Name.Location, dependencyOwner);
            var databaseOwner = DiagnosticFactory.Format("Text.Owner.Database", dependency.Name.Value);
            foreach (var database in dependency.Databases)
            {
                yield return new NameClaim(database.Value, ReferenceKind.Database, database.Location, databaseOwner);
            }
        }

        foreach (var service in services)
        {
            yield return new NameClaim(service.Name, ReferenceKind.Service, service.NameLocation, serviceOwner);
        }
    }

    private List<(Located<string> Entry, ReferenceKind Kind)> ResolveUses(BoundService service)
    {
        var resolved = new List<(Located<string>, ReferenceKind)>();
        if (service.Entry is null)
        {
            return resolved;
        }

        var keyPath = $"services.{service.Name}.uses";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var used in service.Entry.Uses)
        {
            if (names.Find(used.Value) is not { } kind)
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownUsesName,
                    used.Location,
                    used.Value,
                    keyPath,
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(used.Value, names.Names)),
                    DiagnosticFactory.NameList(names.Names));
            }
            else if (!seen.Add(used.Value))
            {
                // Harmless (the plan lists it once) but usually a leftover of an edit, so only a warning.
                diagnostics.Warning(DiagnosticCodes.RepeatedUsesEntry, used.Location, used.Value, keyPath);
            }
            else
            {
                resolved.Add((used, kind));
            }
        }

        return resolved;
    }

    private static IReadOnlyList<Located<string>> ServiceUses(List<(Located<string> Entry, ReferenceKind Kind)> uses) =>
        uses.Where(u => u.Kind == ReferenceKind.Service).Select(u => u.Entry).ToList();

    private DependencyPlan[] BuildDependencies() =>
        manifest.Dependencies.Where(d => d.Type is not null).Select(BuildDependency).ToArray();

    private static DependencyPlan BuildDependency(DependencyEntry dependency)
    {
        var plan = new DependencyPlan(
            dependency.Name.Value,
            dependency.Type!.Value.Value == DependencyTypes.Postgres ? DependencyKind.Postgres : DependencyKind.Redis,
            dependency.Databases.Select(database => database.Value).ToArray());
        return dependency.Image is { } image ? plan with { Image = image.Value } : plan;
    }

    private ServicePlan BuildService(BoundService service, List<(Located<string> Entry, ReferenceKind Kind)> uses)
    {
        var entry = service.Entry;
        return new ServicePlan(
            service.Name,
            service.Project.ProjectPath,
            service.Project.IsWeb,
            HealthPath(service),
            entry?.Replicas?.Value ?? 1,
            entry?.Environment.Select(v => KeyValuePair.Create(v.Name.Value, v.Value)).ToArray() ?? [],
            uses.Select(u => new ServiceReference(u.Entry.Value, u.Kind)).ToArray())
        {
            Http2 = entry?.Protocol?.Value == "http2",
        };
    }

    private string? HealthPath(BoundService service)
    {
        if (service.Entry is { IsHealthCheckDisabled: true })
        {
            return null;
        }

        if (service.Entry?.Health is not { } health)
        {
            return service.Project.IsWeb ? PreviewPlanner.DefaultHealthPath : null;
        }

        if (!service.Project.IsWeb)
        {
            diagnostics.Error(
                DiagnosticCodes.HealthOnNonWebProject,
                health.Location,
                $"services.{service.Name}",
                Path.GetFileName(service.Project.ProjectPath));
        }

        return health.Value;
    }
}
