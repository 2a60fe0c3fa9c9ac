using Microsoft.AspNetCore.Http;

namespace PreviewSdk.Gateway.Tests.Infrastructure;

/// <summary>
/// A stand-in for the Aspire dashboard's browser-token login (the real dashboard is driven by the hosting and
/// end-to-end tests): <c>/login?t=&lt;token&gt;</c> sets an <c>.Aspire.Dashboard.Auth…</c> cookie and redirects to
/// <c>/</c>; any other request without that cookie is redirected to <c>/login</c>, as the dashboard does.
/// </summary>
internal static class DashboardStandIn
{
    public const string BrowserToken = "dashboard-browser-token";
    public const string CookieName = ".Aspire.Dashboard.Auth.standin";

    /// <summary>The session value the stand-in accepts; changing it logs every session out (a dashboard restart).</summary>
    public static string Session { get; set; } = "session-1";

    /// <summary>True when the request may go on to the service; otherwise the login answer is written.</summary>
    public static bool LetsIn(HttpContext context)
    {
        if (context.Request.Path == "/login")
        {
            if (context.Request.Query["t"] == BrowserToken)
            {
                context.Response.Cookies.Append(CookieName, Session, new CookieOptions { HttpOnly = true });
                context.Response.Redirect("/");
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
            }

            return false;
        }

        if (context.Request.Cookies[CookieName] == Session)
        {
            return true;
        }

        context.Response.Redirect("/login?ReturnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
        return false;
    }
}
