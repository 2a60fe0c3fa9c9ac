using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// What <c>-t:Preview</c> settles before it reserves or starts anything: how each dependency and service runs (local
/// binaries or containers: the engine, the images, the service images built), and that what runs locally is there.
/// </summary>
internal static class RuntimePreparation
{
    /// <summary>
    /// Decides how each dependency and service runs (<see cref="RuntimeResolver"/>), prints the decisions and builds
    /// the images of the services that run as containers; null after reporting an error (nothing was started).
    /// </summary>
    public static RuntimeDecisions? Prepare(UpRequest request, IPreviewReporter reporter, CancellationToken cancellationToken)
    {
        if (request.Plan.Profile is not { } profile)
        {
            return RuntimeDecisions.AllLocal;
        }

        var diagnostics = new DiagnosticBag();
        var location = SourceLocation.WholeFile(request.ProjectPath);
        var containerServices = request.Plan.Services.Where(service => profile.RunsAsContainer(service.Name)).ToList();
        var runtimes = new RuntimeResolver().ResolveAsync(
            request.Plan.DependenciesToRun(), containerServices.Select(service => service.Name).ToList(),
            (engine, service) => ServiceImages.ImageOf(engine, request.Plan.AppName, service, request.Name),
            profile, request.ContainerRegistry, location, diagnostics, cancellationToken).GetAwaiter().GetResult();
        foreach (var diagnostic in diagnostics)
        {
            reporter.Report(diagnostic);
        }

        if (runtimes is not { Decisions.Count: > 0 })
        {
            return runtimes;
        }

        reporter.Info(string.Join('\n', runtimes.Describe()));
        foreach (var service in containerServices)
        {
            reporter.Info($"Building the image of '{service.Name}' (dotnet publish -t:PublishContainer) into {runtimes.Engine!.Product}.");
            if (ServiceImages.BuildAsync(service, runtimes.Of(service.Name)!.Image!, runtimes.Engine, request.ContainerBaseImage, request.DotnetHost, location, cancellationToken)
                    .GetAwaiter().GetResult() is { } failure)
            {
                reporter.Report(failure);
                return null;
            }
        }

        return runtimes;
    }

    /// <summary>The binaries of every dependency that runs locally exist (PREVIEW3001, PREVIEW3002 otherwise).</summary>
    public static bool CheckBinaries(EnvironmentPlan plan, RuntimeDecisions runtimes, string projectPath, IPreviewReporter reporter)
    {
        var locator = new LocalBinaryLocator();
        var ok = true;
        // A dependency the profile leaves out never starts, and one in a container runs from its image: neither needs binaries.
        foreach (var dependency in plan.DependenciesToRun().Where(d => runtimes.Of(d.Name) is not { IsContainer: true }))
        {
            var missing = dependency.Kind switch
            {
                DependencyKind.Postgres when locator.FindPostgresBinDirectory() is null => DiagnosticCodes.PostgresNotFound,
                DependencyKind.Redis when locator.FindRedisServer() is null => DiagnosticCodes.RedisNotFound,
                _ => null,
            };
            if (missing is not null)
            {
                reporter.Report(DiagnosticFactory.Create(missing, SourceLocation.WholeFile(projectPath), dependency.Name));
                ok = false;
            }
        }

        return ok;
    }
}
