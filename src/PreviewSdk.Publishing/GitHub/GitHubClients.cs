using Octokit;
using Octokit.Internal;
using PreviewSdk.Publishing.Context;

namespace PreviewSdk.Publishing.GitHub;

/// <summary>Creates Octokit clients for a repository's API (github.com or a GitHub Enterprise Server) with bounded requests.</summary>
internal static class GitHubClients
{
    private static readonly ProductHeaderValue Product = new("PreviewSdk", typeof(GitHubClients).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public static GitHubClient Create(GitHubRepository repository, string token, PublishingLimits limits)
    {
        // Octokit's Connection keeps the address as given; GitHubRepository.TryParseApiUrl ends it with '/', so a
        // server's /api/v3 stays in every request.
        var connection = new Connection(Product, repository.ApiUrl, new InMemoryCredentialStore(new Credentials(token, AuthenticationType.Bearer)), new HttpClientAdapter(HttpMessageHandlerFactory.CreateDefault), new SimpleJsonSerializer());
        var client = new GitHubClient(connection);
        client.SetRequestTimeout(limits.RequestTimeout);
        return client;
    }

    /// <summary>Whether the repository is private: only then may its readers see an environment's access token.</summary>
    public static async Task<bool> IsPrivateAsync(GitHubRepository repository, string token, PublishingLimits limits)
    {
        var found = await Create(repository, token, limits).Repository.Get(repository.Owner, repository.Name).ConfigureAwait(false);
        // An internal repository (GitHub Enterprise) is readable by the whole enterprise: not private enough.
        return found.Private && found.Visibility is null or RepositoryVisibility.Private;
    }
}
