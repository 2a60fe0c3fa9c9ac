namespace PreviewSdk.Gateway.Pages;

/// <summary>
/// What a browser without the token gets (with status 401): a form for the token. The form posts it, so it lands in
/// no address bar, history or server log.
/// </summary>
public static class SignInPage
{
    /// <summary>The path the form posts to, on every host of the environment.</summary>
    public const string Path = "/__preview/sign-in";

    /// <summary>The sign-in page of <paramref name="environment"/>, returning to <paramref name="returnPath"/> after.</summary>
    public static string Render(string environment, string returnPath, bool wrongToken)
    {
        var message = wrongToken
            ? "<p class=\"bad\" role=\"alert\">That token is not this environment's current token. It may have been rotated: ask for a new link.</p>\n"
            : "<p>This preview environment is private. Open the link you were given (it carries the access token), or paste the token below.</p>\n";
        var main = $"""
            <header role="banner"><h1>Preview <code>{PageFrame.Encode(environment)}</code></h1></header>
            <main role="main">
            {message}<form method="post" action="{Path}">
            <input type="hidden" name="return" value="{PageFrame.Encode(returnPath)}">
            <label for="token">Access token</label>
            <input type="password" id="token" name="token" autocomplete="off" required>
            <button type="submit">Open</button>
            </form>
            </main>

            """;
        return PageFrame.Render($"Sign in – preview {environment}", main, "The person who started the environment finds the link in the output of -t:Preview and in links.md.");
    }
}
