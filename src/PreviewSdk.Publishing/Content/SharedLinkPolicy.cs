using PreviewSdk.Core.Links;

namespace PreviewSdk.Publishing.Content;

/// <summary>
/// The one place that decides whether an environment's access tokens may leave the machine in what is published
/// (the pull request comment, the CI step summary). By default they never do: readers of a pull request are not
/// necessarily the people who may open the environment, and a public repository's readers are everyone.
/// </summary>
public static class SharedLinkPolicy
{
    /// <summary>The query parameter that carries an environment's access token in a shared link.</summary>
    public const string TokenParameter = "preview_token";

    // The Aspire dashboard's login link carries its browser token as ?t= on /login.
    private const string DashboardTokenParameter = "t";

    /// <summary>
    /// The links as they may be published: unchanged when <paramref name="includeToken"/> (<c>PreviewCommentToken=true</c>
    /// on a private repository), otherwise without any token: the directory page by its plain address, the
    /// dashboard by its address without its login token, and no <c>preview_token</c> on any link.
    /// </summary>
    public static EnvironmentLinks ForPublication(EnvironmentLinks links, bool includeToken)
    {
        ArgumentNullException.ThrowIfNull(links);
        if (includeToken)
        {
            return links;
        }

        return links.WithoutToken() with
        {
            Directory = WithoutToken(links.Directory),
            Dashboard = WithoutToken(links.Dashboard),
            Services = links.Services.Select(service => service with { Url = WithoutToken(service.Url) }).ToList(),
        };
    }

    /// <summary>
    /// <paramref name="url"/> without the token parameters: <c>preview_token</c> anywhere, and the dashboard's
    /// <c>t</c> on <c>/login</c> (which then points at the dashboard's root, where it asks for its token).
    /// </summary>
    public static string WithoutToken(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Query))
        {
            return url;
        }

        var isLogin = parsed.AbsolutePath.Equals("/login", StringComparison.OrdinalIgnoreCase);
        var kept = parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsToken(ParameterName(pair), isLogin))
            .ToList();
        var removedLoginToken = isLogin && parsed.Query.TrimStart('?').Split('&').Any(pair => ParameterName(pair) == DashboardTokenParameter);
        var path = removedLoginToken ? "/" : parsed.AbsolutePath;
        var query = kept.Count == 0 ? string.Empty : "?" + string.Join('&', kept);
        return parsed.GetLeftPart(UriPartial.Authority) + path + query + parsed.Fragment;
    }

    private static bool IsToken(string name, bool isLogin) =>
        name.Equals(TokenParameter, StringComparison.Ordinal) || (isLogin && name == DashboardTokenParameter);

    private static string ParameterName(string pair) => Uri.UnescapeDataString(pair.Split('=', 2)[0]);
}
