using System.Text;

namespace PreviewSdk.Gateway.Tests.Infrastructure;

/// <summary>Sends bytes no well-behaved HTTP client would send, and reads the status line of the answer.</summary>
internal static class RawRequest
{
    /// <summary>Sends <paramref name="request"/> (CRLF line ends added) and returns the status code, or 0 when the connection closed first.</summary>
    public static async Task<int> SendAsync(GatewayUnderTest gateway, string request)
    {
        using var client = await gateway.ConnectAsync();
        var stream = client.GetStream();
        var bytes = Encoding.Latin1.GetBytes(request.Replace("\n", "\r\n", StringComparison.Ordinal));
        try
        {
            await stream.WriteAsync(bytes);
        }
        catch (IOException)
        {
            // The gateway may close the connection before reading all of an oversized request.
        }

        using var reader = new StreamReader(stream, Encoding.Latin1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var statusLine = await reader.ReadLineAsync(timeout.Token);
        return statusLine is { Length: >= 12 } && int.TryParse(statusLine.AsSpan(9, 3), out var status) ? status : 0;
    }
}
