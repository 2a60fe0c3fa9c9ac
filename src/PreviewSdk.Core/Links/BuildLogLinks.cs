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

    private static bool LogIsShared(Func<string, string?>? variables) =>
        string.Equals((variables ?? Environment.GetEnvironmentVariable)(GitHubActionsVariable), "true", StringComparison.OrdinalIgnoreCase);
}
