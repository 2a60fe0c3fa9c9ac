using System.Text;

namespace PreviewSdk.Core.Health;

/// <summary>
/// The status word ASP.NET Core's health endpoint writes as its whole body: <c>Healthy</c>, <c>Degraded</c> or
/// <c>Unhealthy</c>. It maps Degraded to 200, so the status code alone cannot tell a service that is still migrating
/// (and says so) from one that is done.
/// </summary>
public static class HealthStatusBody
{
    /// <summary>The status word a service reports while it is not done (still migrating, writing its demo rows).</summary>
    public const string Degraded = "Degraded";

    // The longest body that can be a status word, with room for whitespace around it.
    private const int LongestStatusBody = 32;

    /// <summary>The status word of <paramref name="response"/>'s body, or null for any other body (read no further than a status word).</summary>
    /// <param name="response">The health endpoint's answer.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<string?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength is > LongestStatusBody)
        {
            return null;
        }

        var buffer = new byte[LongestStatusBody + 1];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var body = Encoding.UTF8.GetString(buffer, 0, length).Trim();
        return length <= LongestStatusBody && body is "Healthy" or Degraded or "Unhealthy" ? body : null;
    }
}
