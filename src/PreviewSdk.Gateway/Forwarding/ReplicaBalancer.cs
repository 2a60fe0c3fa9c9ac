using System.Collections.Concurrent;
using PreviewSdk.Gateway.Routing;

namespace PreviewSdk.Gateway.Forwarding;

/// <summary>
/// Chooses where a route's request goes: its replicas' own addresses in turn (round robin, per route), passing over
/// one that refused a connection a moment ago, and the route's shared endpoint when no replica is known or every
/// one refused. The environment's resource states keep the replica lists current; the refusals cover the moment
/// between a replica's end and the notice of it.
/// </summary>
internal sealed class ReplicaBalancer(IGatewayUpstreams upstreams, TimeProvider time)
{
    /// <summary>
    /// How long a replica that refused a connection is passed over: short, as a replica is reported running when its
    /// process starts, a moment before it listens; a gone one costs one refused connection per period.
    /// </summary>
    public static readonly TimeSpan RefusedFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Turn> turns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Uri, long> refusedUntil = new();

    /// <summary>The address for the next request of <paramref name="route"/>, or null when it has none.</summary>
    public Uri? Choose(GatewayRoute route)
    {
        var replicas = upstreams.Replicas(route);
        if (replicas.Count == 1 && !IsRefused(replicas[0]))
        {
            return replicas[0];
        }

        if (replicas.Count > 1)
        {
            var turn = turns.GetOrAdd(route.Host, static _ => new Turn());
            var first = (int)((uint)Interlocked.Increment(ref turn.Next) % (uint)replicas.Count);
            for (var offset = 0; offset < replicas.Count; offset++)
            {
                var candidate = replicas[(first + offset) % replicas.Count];
                if (!IsRefused(candidate))
                {
                    return candidate;
                }
            }
        }

        return upstreams.Find(route);
    }

    /// <summary>Passes over <paramref name="destination"/> for <see cref="RefusedFor"/>: it refused a connection.</summary>
    public void Refused(Uri destination) =>
        refusedUntil[destination] = time.GetTimestamp() + (long)(RefusedFor.TotalSeconds * time.TimestampFrequency);

    private bool IsRefused(Uri candidate)
    {
        if (refusedUntil.IsEmpty || !refusedUntil.TryGetValue(candidate, out var until))
        {
            return false;
        }

        if (time.GetTimestamp() < until)
        {
            return true;
        }

        refusedUntil.TryRemove(new KeyValuePair<Uri, long>(candidate, until));
        return false;
    }

    private sealed class Turn
    {
        public int Next = -1;
    }
}
