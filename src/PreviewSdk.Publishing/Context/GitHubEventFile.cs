using System.Text.Json;

namespace PreviewSdk.Publishing.Context;

/// <summary>
/// Finds the pull request in the event payload GitHub Actions writes for a workflow run (<c>GITHUB_EVENT_PATH</c>).
/// </summary>
public static class GitHubEventFile
{
    /// <summary>
    /// The pull request the event is about: <c>pull_request.number</c> (the <c>pull_request</c> and
    /// <c>pull_request_target</c> events, reviews), else <c>issue.number</c> when that issue is a pull request (an
    /// <c>issue_comment</c> on one). Null for an event about no pull request, such as a push.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    /// <exception cref="JsonException">The file is not JSON, or a number there is not a pull request number.</exception>
    public static int? ReadPullRequest(string path) => FindPullRequest(File.ReadAllText(path));

    /// <summary>The pull request of the event payload <paramref name="json"/>; see <see cref="ReadPullRequest"/>.</summary>
    /// <exception cref="JsonException">Not JSON, or a number there is not a pull request number.</exception>
    public static int? FindPullRequest(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The event payload is not a JSON object.");
        }

        if (Member(root, "pull_request") is { ValueKind: JsonValueKind.Object } pullRequest)
        {
            return Number(pullRequest, "pull_request.number");
        }

        // An issue_comment event has an issue; it is a pull request's conversation when it links to the pull request.
        if (Member(root, "issue") is { ValueKind: JsonValueKind.Object } issue && Member(issue, "pull_request") is { ValueKind: JsonValueKind.Object })
        {
            return Number(issue, "issue.number");
        }

        return null;
    }

    private static JsonElement? Member(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : null;

    private static int Number(JsonElement owner, string path)
    {
        if (Member(owner, "number") is { ValueKind: JsonValueKind.Number } number && number.TryGetInt32(out var value) && value > 0)
        {
            return value;
        }

        throw new JsonException($"{path} is missing or not a positive whole number.");
    }
}
