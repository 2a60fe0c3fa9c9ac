namespace PreviewSdk.Publishing.Context;

/// <summary>A repository and the REST API that serves it.</summary>
/// <param name="Owner">The user or organisation.</param>
/// <param name="Name">The repository's name.</param>
/// <param name="ApiUrl">The REST API's base address, ending with <c>/</c> (GitHub Enterprise Server: <c>https://host/api/v3/</c>).</param>
public sealed record GitHubRepository(string Owner, string Name, Uri ApiUrl)
{
    /// <summary><c>owner/name</c>.</summary>
    public string FullName => $"{Owner}/{Name}";

    /// <summary>Reads <c>owner/name</c>; null when <paramref name="text"/> is not of that form.</summary>
    public static GitHubRepository? TryParse(string text, Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        return parts.Length == 2 && parts.All(IsNamePart) ? new GitHubRepository(parts[0], parts[1], apiUrl) : null;
    }

    /// <summary>
    /// Reads an API address, adding the trailing <c>/</c> without which a GitHub Enterprise Server's <c>/api/v3</c>
    /// would be dropped from every request; null when it is not an absolute http(s) address.
    /// </summary>
    public static Uri? TryParseApiUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query))
        {
            return null;
        }

        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
    }

    // GitHub's own rule for owner and repository names: letters, digits, '-', '_' and '.'.
    private static bool IsNamePart(string part) =>
        part.Length > 0 && part is not ("." or "..") && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
