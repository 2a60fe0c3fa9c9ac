namespace PreviewSdk.Publishing.Content;

/// <summary>
/// The hidden HTML comment that marks the one pull request comment of an environment, so every later run finds it
/// and edits it rather than adding another. It names the app too: two preview projects of one repository may run
/// environments of the same name for the same pull request.
/// </summary>
public static class CommentMarker
{
    /// <summary>The marker of environment <paramref name="environment"/> of app <paramref name="app"/>.</summary>
    /// <remarks>
    /// App and environment names are made of lowercase letters, digits and hyphens, and the marker ends with
    /// <c> --&gt;</c>, so the marker of <c>pr-4</c> is never found inside the comment of <c>pr-42</c>.
    /// </remarks>
    public static string For(string app, string environment) => $"<!-- previewsdk app={app} environment={environment} -->";

    /// <summary>Whether <paramref name="body"/> is the comment marked with <paramref name="marker"/>.</summary>
    public static bool Marks(string marker, string? body) => body is not null && body.Contains(marker, StringComparison.Ordinal);
}
