using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Planning;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>
/// How a dependency of this app host runs. Started by <c>-t:Preview</c>, the build decided already (before anything
/// started, with its coded errors) and says so in <see cref="RuntimeDecisions.Variable"/>; started otherwise (F5,
/// <c>dotnet run</c>), the app host decides the same way as it builds its model.
/// </summary>
internal static class PreviewContainerRuntimes
{
    public static RuntimeDecision Decide(IDistributedApplicationBuilder builder, string name, DependencyKind kind, string image, EffectiveProfile profile)
    {
        var registry = Variable(RuntimeDecisions.RegistryVariable);
        if (Variable(RuntimeDecisions.Variable) is { } decided)
        {
            // The build's decision; an entry missing from it is a dependency it saw as local.
            return RuntimeDecisions.Parse(decided).GetValueOrDefault(name) is { IsContainer: true } container
                ? container with { Reason = ReasonOf(profile, name, "the engine has the image") }
                : new RuntimeDecision(name, DependencyRuntimes.Local, null, ReasonOf(profile, name, "no engine or image when the build looked"));
        }

        if (profile.RuntimeOf(name) == DependencyRuntimes.Local)
        {
            return new RuntimeDecision(name, DependencyRuntimes.Local, null, null);
        }

        var diagnostics = new DiagnosticBag();
        var decisions = new RuntimeResolver().ResolveAsync(
                [new DependencyPlan(name, kind, []) { Image = image }], [], (_, service) => service, profile, registry, SourceLocation.WholeFile(string.Empty), diagnostics)
            .GetAwaiter().GetResult();
        if (decisions is null)
        {
            var error = diagnostics.First(d => d.IsError);
            throw new DistributedApplicationException($"{error.Code}: {error.Message}{(error.Details is { } details ? "\n" + details : string.Empty)}");
        }

        if (decisions.Engine is { } engine)
        {
            // Aspire's orchestrator reads its runtime from configuration when it starts, after this.
            builder.Configuration[ContainerVariables.AspireContainerRuntime] = engine.AspireRuntime;
            builder.Configuration[ContainerEngineEndpoints.DockerHostVariable] = engine.Endpoint;
        }

        return decisions.Of(name) ?? new RuntimeDecision(name, DependencyRuntimes.Local, null, null);
    }

    private static string? ReasonOf(EffectiveProfile profile, string name, string reason) =>
        profile.RuntimeOf(name) == DependencyRuntimes.Auto ? reason : null;

    private static string? Variable(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
