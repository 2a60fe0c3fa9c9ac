using System.Net;
using k8s.Autorest;

namespace PreviewSdk.Kubernetes.Cluster;

/// <summary>What went wrong in an exchange with the API server, in words for a diagnostic.</summary>
public static class ClusterFailure
{
    /// <summary>The HTTP status of <paramref name="exception"/> when the server answered, else null.</summary>
    public static HttpStatusCode? Status(Exception exception) =>
        exception is HttpOperationException { Response: { } response } ? response.StatusCode : null;

    /// <summary>True when the server said the object does not exist.</summary>
    public static bool IsNotFound(Exception exception) => Status(exception) == HttpStatusCode.NotFound;

    /// <summary>True when the server refused the credentials or the request (401, 403).</summary>
    public static bool IsDenied(Exception exception) => Status(exception) is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    /// <summary>True for the failures of reaching the server at all (connection, name, TLS, time-out).</summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException or TimeoutException or System.Net.Sockets.SocketException
        || (exception is TaskCanceledException && exception.InnerException is TimeoutException or null);

    /// <summary>One line: the server's own message when it sent a Status, else the exception's.</summary>
    public static string Describe(Exception exception)
    {
        if (exception is HttpOperationException { Response: { } response })
        {
            var message = TryStatusMessage(response.Content);
            return $"{(int)response.StatusCode} {response.ReasonPhrase}{(message is null ? string.Empty : ": " + message)}";
        }

        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }

    private static string? TryStatusMessage(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(content);
            return document.RootElement.TryGetProperty("message", out var message) ? message.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
