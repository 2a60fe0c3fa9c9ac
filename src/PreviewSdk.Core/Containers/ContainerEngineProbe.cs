using System.Globalization;
using System.Net.Sockets;
using Docker.DotNet;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// Finds the container engine to use (<see cref="ContainerEngineEndpoints"/>) and asks it for its version, so a
/// missing, stopped, unreachable or too old engine is known before anything starts.
/// </summary>
public static class ContainerEngineProbe
{
    /// <summary>Tries the candidates in order; the first engine that answers is the one.</summary>
    /// <param name="candidates">Endpoints to try; <see cref="ContainerEngineEndpoints.Candidates"/> when null.</param>
    /// <param name="cancellationToken">Stops the probe.</param>
    public static async Task<ContainerEngineProbeResult> FindAsync(IReadOnlyList<string>? candidates = null, CancellationToken cancellationToken = default)
    {
        candidates ??= ContainerEngineEndpoints.Candidates();
        var attempts = new List<EndpointAttempt>();
        foreach (var endpoint in candidates)
        {
            var attempt = await TryAsync(endpoint, cancellationToken);
            if (attempt.Engine is not null)
            {
                return new ContainerEngineProbeResult(attempt.Engine, attempts.Append(attempt).ToList());
            }

            attempts.Add(attempt);
        }

        return new ContainerEngineProbeResult(null, attempts);
    }

    private static async Task<EndpointAttempt> TryAsync(string endpoint, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http" or "https"))
        {
            return new EndpointAttempt(endpoint, EndpointProblem.Unusable, "not a unix://, tcp:// or http(s):// address");
        }

        if (ContainerEngineEndpoints.SocketPath(endpoint) is { } socketPath && CheckSocket(socketPath) is { } socketProblem)
        {
            return new EndpointAttempt(endpoint, socketProblem.Problem, socketProblem.Detail);
        }

        try
        {
            using var client = ContainerEngine.CreateClient(endpoint);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ContainerEngine.RequestTimeout);
            var version = await client.System.GetVersionAsync(timeout.Token);
            var product = version.Components?.Any(c => c.Name?.Contains("Podman", StringComparison.OrdinalIgnoreCase) == true) == true
                ? "Podman"
                : "Docker";
            var engine = new ContainerEngine(endpoint, product, version.Version ?? "?", version.APIVersion ?? "?");
            if (!System.Version.TryParse(engine.ApiVersion, out var api) || api < ContainerEngine.MinimumApiVersion)
            {
                return new EndpointAttempt(endpoint, EndpointProblem.TooOld, engine.Describe()) { TooOld = engine };
            }

            return new EndpointAttempt(endpoint, EndpointProblem.None, engine.Describe()) { Engine = engine };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointAttempt(endpoint, EndpointProblem.Down, string.Create(CultureInfo.InvariantCulture, $"no answer within {ContainerEngine.RequestTimeout.TotalSeconds:0} s"));
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or SocketException or IOException or TimeoutException)
        {
            return new EndpointAttempt(endpoint, EndpointProblem.Down, Innermost(e).Message);
        }
    }

    // Before any HTTP: a unix socket that is missing, refuses, or is not ours to open says why more plainly than a
    // failed request does.
    private static (EndpointProblem Problem, string Detail)? CheckSocket(string path)
    {
        if (!File.Exists(path))
        {
            return (EndpointProblem.Missing, "no such socket");
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            return (EndpointProblem.NotAccessible, "permission denied");
        }
        catch (SocketException e)
        {
            return (EndpointProblem.Down, e.SocketErrorCode == SocketError.ConnectionRefused ? "nothing listens on it" : e.Message);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}

/// <summary>What <see cref="ContainerEngineProbe.FindAsync"/> found.</summary>
/// <param name="Engine">The engine to use, or null when none answered.</param>
/// <param name="Attempts">Every endpoint tried, in order, with why it was not used.</param>
public sealed record ContainerEngineProbeResult(ContainerEngine? Engine, IReadOnlyList<EndpointAttempt> Attempts)
{
    /// <summary>The main reason no engine was found: too old beats not accessible beats down or missing.</summary>
    public EndpointProblem Problem =>
        Engine is not null ? EndpointProblem.None
        : Attempts.Any(a => a.Problem == EndpointProblem.TooOld) ? EndpointProblem.TooOld
        : Attempts.Any(a => a.Problem == EndpointProblem.NotAccessible) ? EndpointProblem.NotAccessible
        : EndpointProblem.Down;

    /// <summary>The attempts, one per line, for a diagnostic's details.</summary>
    public string DescribeAttempts() =>
        string.Join('\n', Attempts.Where(a => a.Problem != EndpointProblem.None).Select(a => $"    {a.Endpoint}: {a.Detail}"));
}

/// <summary>One endpoint tried.</summary>
/// <param name="Endpoint">The address.</param>
/// <param name="Problem">Why it is not used; <see cref="EndpointProblem.None"/> for the engine found.</param>
/// <param name="Detail">What it said, or what failed.</param>
public sealed record EndpointAttempt(string Endpoint, EndpointProblem Problem, string Detail)
{
    /// <summary>The engine, when it answered and is recent enough.</summary>
    public ContainerEngine? Engine { get; init; }

    /// <summary>The engine, when it answered with an API older than <see cref="ContainerEngine.MinimumApiVersion"/>.</summary>
    public ContainerEngine? TooOld { get; init; }
}

/// <summary>Why an endpoint is not used.</summary>
public enum EndpointProblem
{
    /// <summary>It answered and is used.</summary>
    None,

    /// <summary>Its socket file does not exist.</summary>
    Missing,

    /// <summary>Nothing answers there, or not in time.</summary>
    Down,

    /// <summary>Its socket exists but this user may not open it.</summary>
    NotAccessible,

    /// <summary>It answered with an API older than PreviewSdk needs.</summary>
    TooOld,

    /// <summary>The address cannot be used (an unknown scheme).</summary>
    Unusable,
}
