namespace PreviewSdk.Publishing.Context;

/// <summary>The pull request whose conversation gets the links comment.</summary>
/// <param name="Repository">The repository and its API.</param>
/// <param name="Number">The pull request's number.</param>
public sealed record PullRequestTarget(GitHubRepository Repository, int Number)
{
    /// <summary><c>owner/name#number</c>, as GitHub writes a reference to a pull request.</summary>
    public override string ToString() => $"{Repository.FullName}#{Number}";
}
