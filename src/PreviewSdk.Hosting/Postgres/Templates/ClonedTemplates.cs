using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// Discards the seeded-data template a failed resource's data was cloned from. A clone that fails before the
/// environment is ready (a container whose clone step exits, a server that does not start on the copied data, a
/// seeding that finds the copy wrong) may fail because of the template: cloned again, every later start of the key
/// would fail the same way until someone pruned it. Discarded, the next start seeds and replaces it.
/// </summary>
internal static class ClonedTemplates
{
    // An environment cloning the template holds its lock for the copy's seconds.
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Discards the template <paramref name="resource"/>'s data came from, when it is a PostgreSQL server, one of its
    /// databases or a seeding of one, cloned from a template. Returns what to add to the failure's reason, or null
    /// when the resource's data came from no template.
    /// </summary>
    public static string? DiscardFor(IResource resource, PreviewRuntime runtime)
    {
        if (PostgresTemplateServers.Of(resource)?.Template is not { ClonedFrom: not null } template)
        {
            return null;
        }

        var reason = $"environment '{runtime.Name}' cloned from it failed before it was ready: '{resource.Name}' at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC";
        return template.Store.Discard(template.Key, reason, LockWait)
            ? $"Its data was cloned from the seeded-data template {template.Key}, now discarded: the next start seeds again and keeps a new template."
            : $"Its data was cloned from the seeded-data template {template.Key}, which another environment held, so it stays: run -t:PreviewPrune if the next start fails the same way.";
    }
}
