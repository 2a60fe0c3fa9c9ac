using System.Collections.Concurrent;

namespace Aspire.Hosting;

/// <summary>
/// The status each service last reported about itself in its health answer's body (<c>Healthy</c>, <c>Degraded</c>,
/// <c>Unhealthy</c>: what ASP.NET Core's health endpoint writes). A Degraded service answers 200, which a readiness
/// probe takes as up; a seeding must not, since a migrating service reports Degraded until it is done.
/// </summary>
internal sealed class ServiceHealthStates
{
    private readonly ConcurrentDictionary<string, string> states = new(StringComparer.Ordinal);

    public void Record(string service, string? status)
    {
        if (status is null)
        {
            states.TryRemove(service, out _);
        }
        else
        {
            states[service] = status;
        }
    }

    /// <summary>Whether <paramref name="service"/>'s last answer said Degraded.</summary>
    public bool IsDegraded(string service) =>
        states.TryGetValue(service, out var status) && string.Equals(status, "Degraded", StringComparison.OrdinalIgnoreCase);
}
