using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Gateway.Access;
using PreviewSdk.Gateway.Dashboard;
using PreviewSdk.Gateway.Forwarding;
using PreviewSdk.Gateway.Pages;
using PreviewSdk.Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace PreviewSdk.Gateway.Server;

/// <summary>
/// Every request of the gateway, in order: only origin-form targets; a known host or 404; robots.txt; the token
/// (shared link, header, cookie, sign-in form) or 401; then the directory page or the service. Nothing reaches a
/// service before all of it passed.
/// </summary>
internal sealed class GatewayRequestHandler(
    GatewayOptions options,
    HostRoutingTable table,
    AccessTokenStore? tokens,
    AccessCookie cookie,
    ForwardedHeadersPolicy forwardedHeaders,
    DashboardSession dashboard,
    IHttpForwarder forwarder,
    HttpMessageInvoker client,
    GatewayTransformer transformer)
{
    private const string RobotsText = "User-agent: *\nDisallow: /\n";
    private readonly ForwarderRequestConfig requestConfig = new() { ActivityTimeout = options.ActivityTimeout };

    // An HTTP/2-only service over plain HTTP: HTTP/2 with prior knowledge, never the downgrade to HTTP/1.1 that
    // YARP's default (2.0 or lower) makes without TLS.
    private readonly ForwarderRequestConfig http2RequestConfig = new()
    {
        ActivityTimeout = options.ActivityTimeout,
        Version = System.Net.HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private readonly HashSet<string> http2Services = options.Http2Services.ToHashSet(StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            // Every response, the services' too: a preview is never for search engines.
            context.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
            return Task.CompletedTask;
        });

        // "GET http://elsewhere/ HTTP/1.1" and "OPTIONS *": routing is by Host, and a proxy is not what this is.
        if (context.Features.Get<IHttpRequestFeature>()?.RawTarget is not { } target || !target.StartsWith('/'))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "bad_request", "Only requests for a path are served (no absolute-form or asterisk targets).");
            return;
        }

        var (host, scheme, trusted) = forwardedHeaders.Resolve(context);
        if (table.Find(host) is not { } route)
        {
            await ProblemAsync(context, StatusCodes.Status404NotFound, "unknown_host",
                $"No service of preview '{options.Environment}' answers to '{HostRoutingTable.HostName(host) ?? "(no host)"}'. Its links are on {table.Addresses.DirectoryUrl}.");
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (path == "/robots.txt" && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(RobotsText);
            return;
        }

        if (tokens is not null && !await AuthenticateAsync(context, scheme))
        {
            return;
        }

        if (route.Kind == RouteKind.Directory)
        {
            await DirectoryAsync(context);
            return;
        }

        await ForwardAsync(context, route, host, scheme, trusted);
    }

    // True when the request may go on; otherwise the response (401, or the redirect after signing in) is written.
    private async Task<bool> AuthenticateAsync(HttpContext context, string scheme)
    {
        var request = context.Request;
        if (request.Path.Value == SignInPage.Path && HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            var returnPath = LocalPath(form["return"].ToString());
            if (tokens!.Matches(form["token"].ToString()))
            {
                SignIn(context, scheme, returnPath);
            }
            else
            {
                await DenyAsync(context, returnPath, wrongToken: true);
            }

            return false;
        }

        var queryToken = request.Query.TryGetValue(GatewayAddresses.TokenParameter, out var values) ? values.ToString() : null;
        var headerToken = request.Headers.TryGetValue(AccessDecision.TokenHeader, out var header) ? header.ToString() : null;
        switch (AccessDecision.Decide(tokens!, queryToken, headerToken, cookie.Read(request)))
        {
            case AccessOutcome.Allowed:
                return true;
            case AccessOutcome.SignIn:
                SignIn(context, scheme, request.PathBase + request.Path + WithoutToken(request.Query));
                return false;
            default:
                await DenyAsync(context, request.PathBase + request.Path + WithoutToken(request.Query), wrongToken: queryToken is not null || headerToken is not null);
                return false;
        }
    }

    // The cookie, then the same address without the token: it leaves the address bar, and the history keeps no copy.
    private void SignIn(HttpContext context, string scheme, string location)
    {
        cookie.Append(context.Response, tokens!.CookieValue(), scheme == Uri.UriSchemeHttps);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(location);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private async Task DenyAsync(HttpContext context, string returnPath, bool wrongToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = $"PreviewToken realm=\"preview {options.Environment}\"";
        response.Headers.CacheControl = "no-store";
        if (WantsHtml(context.Request))
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync(SignInPage.Render(options.Environment, returnPath, wrongToken));
            return;
        }

        await WriteJsonAsync(context, new
        {
            error = wrongToken ? "invalid_token" : "token_required",
            message = wrongToken
                ? $"The token is not the current access token of preview '{options.Environment}' (it may have been rotated)."
                : $"Preview '{options.Environment}' needs its access token: send it as the {AccessDecision.TokenHeader} header, or open the shared link.",
        });
    }

    private async Task DirectoryAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await ProblemAsync(context, StatusCodes.Status405MethodNotAllowed, "method_not_allowed", "The directory page is only read.");
            return;
        }

        if (context.Request.Path.Value != "/")
        {
            await ProblemAsync(context, StatusCodes.Status404NotFound, "not_found", $"The directory page is at {table.Addresses.DirectoryUrl}.");
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(DirectoryPage.Render(options.Directory.Describe()));
    }

    private async Task ForwardAsync(HttpContext context, GatewayRoute route, string host, string scheme, bool trusted)
    {
        if (options.Upstreams.Find(route) is not { } destination)
        {
            await ProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "not_running", $"'{route.Name}' of preview '{options.Environment}' has no running endpoint right now; see {table.Addresses.DirectoryUrl}.");
            return;
        }

        string? dashboardCookies = null;
        if (route.Kind == RouteKind.Dashboard && (dashboardCookies = await dashboard.CookiesAsync(context.RequestAborted)) is null)
        {
            await ProblemAsync(context, StatusCodes.Status502BadGateway, "dashboard_login_failed", "The gateway could not log in to the Aspire dashboard; it may still be starting. Try again in a moment.");
            return;
        }

        context.Features.Set(new GatewayTransformer.RequestFacts(host, scheme, trusted, dashboardCookies));
        var config = route.Kind == RouteKind.Service && http2Services.Contains(route.Name) ? http2RequestConfig : requestConfig;
        var error = await forwarder.SendAsync(context, destination.ToString(), client, config, transformer);
        if (error != ForwarderError.None && !context.Response.HasStarted)
        {
            await ProblemAsync(context, StatusCodes.Status502BadGateway, "upstream_failed", $"'{route.Name}' of preview '{options.Environment}' did not answer ({error}).");
        }
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    private static string WithoutToken(IQueryCollection query)
    {
        var kept = query.Where(pair => pair.Key != GatewayAddresses.TokenParameter)
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        return QueryString.Create(kept).ToUriComponent();
    }

    // Only a path of this host: never "//elsewhere" or an absolute URL (no open redirect through the form).
    private static string LocalPath(string text) =>
        text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith("/\\", StringComparison.Ordinal) ? text : "/";

    private static Task ProblemAsync(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return WriteJsonAsync(context, new { error, message });
    }

    private static Task WriteJsonAsync(HttpContext context, object body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
