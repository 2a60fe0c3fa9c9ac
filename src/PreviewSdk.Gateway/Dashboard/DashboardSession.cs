using System.Net;

namespace PreviewSdk.Gateway.Dashboard;

/// <summary>
/// The gateway's own login to the Aspire dashboard, so that a visitor the gateway let in reaches the dashboard with
/// no second login. The gateway trades the dashboard's browser token for its session cookie once (the dashboard's
/// <c>/login?t=</c>, server to server) and adds that cookie to every request it forwards to the dashboard; the
/// browser never holds the dashboard's token or cookie, so the dashboard's own port stays closed to it.
/// </summary>
public sealed class DashboardSession(Func<Uri?> dashboard, Func<string?> browserToken, HttpMessageInvoker client)
{
    /// <summary>The prefix of the dashboard's authentication cookies (<c>.Aspire.Dashboard.Auth…</c>).</summary>
    public const string CookiePrefix = ".Aspire.Dashboard.Auth";

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile string? cookies;

    /// <summary>The <c>name=value; …</c> pairs to send to the dashboard, logging in first when there are none.</summary>
    /// <returns>The cookies, or null when the dashboard is not up or refused the token.</returns>
    public async Task<string?> CookiesAsync(CancellationToken cancellationToken)
    {
        if (cookies is { } known)
        {
            return known;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            return cookies ??= await LogInAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Forgets the session (the dashboard asked for a login again, or <paramref name="stale"/> is what it rejected),
    /// so the next request logs in anew.
    /// </summary>
    public void Forget(string? stale)
    {
        if (stale is null || cookies == stale)
        {
            cookies = null;
        }
    }

    private async Task<string?> LogInAsync(CancellationToken cancellationToken)
    {
        if (dashboard() is not { } root || browserToken() is not { Length: > 0 } token)
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, "/login?t=" + Uri.EscapeDataString(token)));
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            return null;
        }

        var pairs = setCookies
            .Select(header => header.Split(';', 2)[0].Trim())
            .Where(pair => pair.StartsWith(CookiePrefix, StringComparison.Ordinal) && pair.Contains('='))
            .ToList();
        return pairs.Count == 0 || response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.OK or HttpStatusCode.SeeOther)
            ? null
            : string.Join("; ", pairs);
    }
}
