using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// Decides, before anything starts, how each dependency and service runs: <c>local</c> stays local; <c>container</c>
/// needs an engine that answers and the image present or pullable (coded errors PREVIEW3030–3033 otherwise);
/// <c>auto</c> is a container when both hold, else local, with the reason.
/// </summary>
public sealed class RuntimeResolver
{
    private readonly Func<CancellationToken, Task<ContainerEngineProbeResult>> findEngine;
    private readonly Func<ContainerEngine, ImageReference, CancellationToken, Task<string?>> ensureImage;

    /// <summary>Against the real engine (<see cref="ContainerEngineProbe"/>, <see cref="ImageAvailability"/>).</summary>
    public RuntimeResolver()
        : this(ct => ContainerEngineProbe.FindAsync(null, ct), (engine, image, ct) => ImageAvailability.EnsureAsync(engine, image, pull: true, ct))
    {
    }

    /// <summary>With the engine look-up and image check given (for tests of the decisions alone).</summary>
    public RuntimeResolver(
        Func<CancellationToken, Task<ContainerEngineProbeResult>> findEngine,
        Func<ContainerEngine, ImageReference, CancellationToken, Task<string?>> ensureImage)
    {
        this.findEngine = findEngine;
        this.ensureImage = ensureImage;
    }

    /// <summary>The decisions, or null after adding errors to <paramref name="diagnostics"/>.</summary>
    /// <param name="dependencies">The dependencies that run (the profile's enabled ones), with their images.</param>
    /// <param name="containerServices">The services the profile runs as containers.</param>
    /// <param name="serviceImage">The image a service is built into on the engine found (<see cref="ServiceImages.ImageOf"/>).</param>
    /// <param name="profile">The environment's profile (the runtime of each dependency).</param>
    /// <param name="registry"><c>PreviewContainerRegistry</c>: replaces the registry part of every dependency's image; null or empty keeps them.</param>
    /// <param name="location">Where the errors point (the preview project, or preview.yaml).</param>
    /// <param name="diagnostics">Receives PREVIEW3030–3033.</param>
    /// <param name="cancellationToken">Stops the probe and pulls.</param>
    public async Task<RuntimeDecisions?> ResolveAsync(
        IReadOnlyList<DependencyPlan> dependencies,
        IReadOnlyList<string> containerServices,
        Func<ContainerEngine, string, string> serviceImage,
        EffectiveProfile profile,
        string? registry,
        SourceLocation location,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(containerServices);
        ArgumentNullException.ThrowIfNull(serviceImage);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var wanted = dependencies.Where(d => profile.RuntimeOf(d.Name) != DependencyRuntimes.Local).ToList();
        if (wanted.Count == 0 && containerServices.Count == 0)
        {
            return RuntimeDecisions.AllLocal;
        }

        var required = wanted.Where(d => profile.RuntimeOf(d.Name) == DependencyRuntimes.Container).Select(d => d.Name)
            .Concat(containerServices).ToList();
        var probe = await findEngine(cancellationToken);
        if (probe.Engine is not { } engine)
        {
            if (required.Count > 0)
            {
                diagnostics.Add(EngineMissing(probe, required, location));
                return null;
            }

            var reason = $"no container engine answers ({Summary(probe)})";
            return new RuntimeDecisions(wanted.Select(d => new RuntimeDecision(d.Name, DependencyRuntimes.Local, null, reason)).ToList(), null);
        }

        var decisions = new List<RuntimeDecision>();
        var failed = false;
        foreach (var dependency in wanted)
        {
            ImageReference.TryParse(dependency.Image, out var parsed);
            var image = parsed.WithRegistry(registry);
            var auto = profile.RuntimeOf(dependency.Name) == DependencyRuntimes.Auto;
            var problem = await ensureImage(engine, image, cancellationToken);
            if (problem is null)
            {
                decisions.Add(new RuntimeDecision(dependency.Name, DependencyRuntimes.Container, image.ToString(), auto ? $"{engine.Product} {engine.Version} has the image" : null));
            }
            else if (auto)
            {
                decisions.Add(new RuntimeDecision(dependency.Name, DependencyRuntimes.Local, null, $"the image {image} is neither present nor pullable"));
            }
            else
            {
                diagnostics.Add(DiagnosticFactory.Create(DiagnosticCodes.ContainerImageUnavailable, location, dependency.Name, image.ToString(), engine.Describe(), EndSentence(problem)));
                failed = true;
            }
        }

        decisions.AddRange(containerServices.Select(service => new RuntimeDecision(service, DependencyRuntimes.Container, serviceImage(engine, service), null)));
        return failed ? null : new RuntimeDecisions(decisions, decisions.Any(d => d.IsContainer) ? engine : null);
    }

    private static PreviewDiagnostic EngineMissing(ContainerEngineProbeResult probe, IReadOnlyList<string> required, SourceLocation location)
    {
        var names = string.Join(", ", required.Select(name => $"'{name}'"));
        var details = "    tried:\n" + probe.DescribeAttempts();
        return probe.Problem switch
        {
            EndpointProblem.TooOld when probe.Attempts.First(a => a.TooOld is not null).TooOld is { } old =>
                DiagnosticFactory.Create(DiagnosticCodes.ContainerEngineTooOld, location, names, old.Describe(), old.ApiVersion, ContainerEngine.MinimumApiVersion.ToString()),
            EndpointProblem.NotAccessible =>
                DiagnosticFactory.Create(DiagnosticCodes.ContainerEngineNotAccessible, location, names,
                    probe.Attempts.First(a => a.Problem == EndpointProblem.NotAccessible).Endpoint) with { Details = details },
            _ => DiagnosticFactory.Create(DiagnosticCodes.ContainerEngineNotFound, location, names) with { Details = details },
        };
    }

    private static string Summary(ContainerEngineProbeResult probe) =>
        string.Join("; ", probe.Attempts.Select(a => $"{a.Endpoint}: {a.Detail}"));

    private static string EndSentence(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";
}
