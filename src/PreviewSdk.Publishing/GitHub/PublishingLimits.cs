namespace PreviewSdk.Publishing.GitHub;

/// <summary>
/// The bounds of publishing, so a slow or unreachable GitHub delays a build by seconds, never hangs it.
/// </summary>
public sealed record PublishingLimits
{
    /// <summary>The defaults: 15 s per request, 60 s per exchange, 20 pages of 100 comments.</summary>
    public static PublishingLimits Default { get; } = new();

    /// <summary>How long one API request may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one exchange may take: finding and writing a comment, or reading the repository's visibility.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Comments per page when looking for the marked one (GitHub allows at most 100).</summary>
    public int CommentPageSize { get; init; } = 100;

    /// <summary>Pages read at most when looking for the marked comment.</summary>
    public int MaxCommentPages { get; init; } = 20;
}
