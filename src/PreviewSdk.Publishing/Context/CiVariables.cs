namespace PreviewSdk.Publishing.Context;

/// <summary>
/// The environment variables GitHub Actions sets for every step (and that another CI can set the same way), which
/// tell where the links go. The token is read from here only, never from an MSBuild property: a task parameter would
/// show it in a detailed log or a binary log.
/// </summary>
public static class CiVariables
{
    /// <summary><c>true</c> in every step of GitHub Actions.</summary>
    public const string Actions = "GITHUB_ACTIONS";

    /// <summary>The file a step appends Markdown to for the run's summary page.</summary>
    public const string StepSummary = "GITHUB_STEP_SUMMARY";

    /// <summary>The JSON payload of the event that started the workflow.</summary>
    public const string EventPath = "GITHUB_EVENT_PATH";

    /// <summary>The repository, <c>owner/name</c>.</summary>
    public const string Repository = "GITHUB_REPOSITORY";

    /// <summary>The REST API's address: <c>https://api.github.com</c>, or a GitHub Enterprise Server's <c>https://host/api/v3</c>.</summary>
    public const string ApiUrl = "GITHUB_API_URL";

    /// <summary>The token the comment is written with; GitHub Actions does not set it by itself, the workflow passes it.</summary>
    public const string Token = "GITHUB_TOKEN";

    /// <summary>GitHub's own API, used when <see cref="ApiUrl"/> is not set.</summary>
    public const string DefaultApiUrl = "https://api.github.com/";

    /// <summary>Every variable this layer reads, for tests and tools that must keep a build away from a real GitHub.</summary>
    public static IReadOnlyList<string> All { get; } = [Actions, StepSummary, EventPath, Repository, ApiUrl, Token];
}
