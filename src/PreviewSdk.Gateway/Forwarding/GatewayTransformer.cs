using Microsoft.AspNetCore.Http;
using PreviewSdk.Gateway.Access;
using PreviewSdk.Gateway.Dashboard;
using Yarp.ReverseProxy.Forwarder;

namespace PreviewSdk.Gateway.Forwarding;

/// <summary>
/// Shapes a request on its way to a service: the original Host (apps build absolute links from it), no credential
/// of the gateway (the token header, the access cookie), forwarded headers the gateway vouches for, and for the
/// dashboard the gateway's own dashboard session. On the way back, the dashboard's session cookie stays with the
/// gateway.
/// </summary>
internal sealed class GatewayTransformer(AccessCookie accessCookie, DashboardSession dashboardSession) : HttpTransformer
{
    private static readonly string[] ForwardedHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "Forwarded"];

    /// <summary>Per request: what the gateway resolved before forwarding.</summary>
    internal sealed record RequestFacts(string Host, string Scheme, bool FromTrustedProxy, string? DashboardCookies);

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var facts = httpContext.Features.Get<RequestFacts>() ?? throw new InvalidOperationException("The gateway forwards only requests it resolved.");
        proxyRequest.Headers.Host = httpContext.Request.Host.Value;
        proxyRequest.Headers.Remove(AccessDecision.TokenHeader);

        var cookies = httpContext.Request.Headers.Cookie
            .SelectMany(header => (header ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(pair => !IsCookie(pair, accessCookie.Name) && (facts.DashboardCookies is null || !pair.StartsWith(DashboardSession.CookiePrefix, StringComparison.Ordinal)))
            .ToList();
        if (facts.DashboardCookies is { } dashboard)
        {
            cookies.Add(dashboard);
        }

        proxyRequest.Headers.Remove("Cookie");
        if (cookies.Count > 0)
        {
            proxyRequest.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies));
        }

        var incomingFor = facts.FromTrustedProxy ? httpContext.Request.Headers["X-Forwarded-For"].ToString() : string.Empty;
        foreach (var header in ForwardedHeaders)
        {
            proxyRequest.Headers.Remove(header);
        }

        var client = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", incomingFor.Length > 0 ? $"{incomingFor}, {client}" : client);
        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", facts.Host);
        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", facts.Scheme);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var facts = httpContext.Features.Get<RequestFacts>();
        if (facts?.DashboardCookies is { } sent && proxyResponse is { StatusCode: System.Net.HttpStatusCode.Redirect } && proxyResponse.Headers.Location is { } location
            && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString).StartsWith("/login", StringComparison.OrdinalIgnoreCase))
        {
            // The dashboard no longer knows the gateway's session (it restarted, or the session expired): log in
            // anew and send the browser back to where it was going, instead of to the dashboard's login form.
            dashboardSession.Forget(sent);
            httpContext.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            httpContext.Response.Headers.Location = httpContext.Request.PathBase + httpContext.Request.Path + httpContext.Request.QueryString;
            return false;
        }

        var proceed = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (facts?.DashboardCookies is not null)
        {
            var kept = httpContext.Response.Headers.SetCookie.Where(header => header is not null && !header.StartsWith(DashboardSession.CookiePrefix, StringComparison.Ordinal)).ToArray();
            httpContext.Response.Headers.SetCookie = kept;
        }

        return proceed;
    }

    private static bool IsCookie(string pair, string name) =>
        pair.Length > name.Length && pair[name.Length] == '=' && pair.StartsWith(name, StringComparison.Ordinal);
}
