using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Links;

/// <summary>
/// Which links the build log may show. On a developer's machine the log shows the shared link with its access
/// token: it is the one-click way in. Under GitHub Actions the log is not private (on a public repository anyone
/// reads it), so there the table shows every link without the token, and says where the shared link is kept.
/// </summary>
public static class BuildLogLinks
{
    /// <summary>The variable GitHub Actions sets to <c>true</c> in every step.</summary>
    public const string GitHubActionsVariable = "GITHUB_ACTIONS";

    /// <summary><paramref name="links"/> as the build log may show them.</summary>
    /// <param name="links">The environment's links.</param>
    /// <param name="variables">Reads the build's environment variables; the process's by default.</param>
    public static EnvironmentLinks ForLog(EnvironmentLinks links, Func<string, string?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        return LogIsShared(variables) ? links.WithoutToken() : links;
    }

    /// <summary>The line after the table that says where the links are kept, and why the token is not shown.</summary>
    public static string WhereKept(string linksJson, EnvironmentLinks links, Func<string, string?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        var where = $"Links: {linksJson} and {StateFiles.LinksMarkdown}.";
        return LogIsShared(variables) && links.TokenRequired
            ? where + " The shared link (with the access token) is there only: a CI log is not private."
            : where;
    }

    /// <summary>
    /// The line an app host started by F5 or <c>dotnet run</c> writes to its console once ready, where no build prints
    /// the links: the shared link, as the build log on this machine shows it. Null when the environment has no token,
    /// or when the log is not private (GitHub Actions).
    /// </summary>
    /// <param name="links">The environment's links.</param>
    /// <param name="variables">Reads the process's environment variables; the process's by default.</param>
    public static string? SharedLinkLine(EnvironmentLinks links, Func<string, string?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.TokenRequired && !LogIsShared(variables)
            ? $"Preview '{links.Environment}': open {links.SharedLink} (the shared link: the gateway trades its access token for a cookie that opens every link)."
            : null;
    }

    private static bool LogIsShared(Func<string, string?>? variables) =>
        string.Equals((variables ?? Environment.GetEnvironmentVariable)(GitHubActionsVariable), "true", StringComparison.OrdinalIgnoreCase);
}
