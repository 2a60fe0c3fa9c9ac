using System.Net;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Opens links as a browser does: follows redirects, keeps the cookies they set (the gateway's sign-in does) and finds
/// <c>*.localhost</c> on the loopback.
/// </summary>
internal sealed class Browser : IDisposable
{
    private readonly HttpClient client;

    public Browser()
    {
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, UseCookies = true, AllowAutoRedirect = true, ConnectCallback = LoopbackNames.ConnectAsync };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public CookieContainer Cookies { get; } = new();

    /// <summary>The page at <paramref name="url"/> after every redirect: its status, final address, content type and text.</summary>
    public async Task<Page> GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(url), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Page(response.StatusCode, response.RequestMessage?.RequestUri ?? new Uri(url), response.Content.Headers.ContentType?.MediaType, text)
        {
            Headers = response.Headers.ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>GETs <paramref name="url"/> with <paramref name="headers"/>, following no redirect.</summary>
    public async Task<Page> GetWithHeadersAsync(string url, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Page(response.StatusCode, response.RequestMessage?.RequestUri ?? new Uri(url), response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>POSTs <paramref name="json"/> to <paramref name="url"/>; returns the status and the response's text.</summary>
    public async Task<Page> PostJsonAsync(string url, string json, CancellationToken cancellationToken)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(url), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Page(response.StatusCode, response.RequestMessage?.RequestUri ?? new Uri(url), response.Content.Headers.ContentType?.MediaType, text);
    }

    public void Dispose() => client.Dispose();

    /// <summary>A fetched page.</summary>
    public sealed record Page(HttpStatusCode Status, Uri FinalAddress, string? MediaType, string Text)
    {
        /// <summary>The response's headers (of a GET), by case-insensitive name.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        public override string ToString() => $"{(int)Status} {MediaType} from {FinalAddress}:\n{(Text.Length > 2000 ? Text[..2000] + "…" : Text)}";
    }
}
