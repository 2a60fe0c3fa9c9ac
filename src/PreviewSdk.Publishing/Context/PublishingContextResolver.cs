using System.Text.Json;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Publishing.Context;

/// <summary>
/// Reads where the links go from the CI's variables (<see cref="CiVariables"/>), the event file and the preview
/// project's <c>PreviewPullRequest</c>. Problems are warnings: publishing never fails a preview.
/// </summary>
public static class PublishingContextResolver
{
    /// <summary>
    /// For <c>-t:Preview</c>: the step summary under GitHub Actions, and the pull request of
    /// <paramref name="pullRequest"/> (else of the event file) when the token and repository are there too.
    /// </summary>
    /// <param name="variables">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="pullRequest">The validated <c>PreviewPullRequest</c>; null when not set.</param>
    /// <param name="includeToken">The validated <c>PreviewCommentToken</c>.</param>
    /// <param name="projectPath">The preview project, where the warnings are reported.</param>
    /// <param name="diagnostics">Receives the warnings.</param>
    public static PublishingContext ForStart(
        Func<string, string?> variables, int? pullRequest, bool includeToken, string projectPath, ICollection<PreviewDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var location = SourceLocation.WholeFile(projectPath);
        var token = Value(variables, CiVariables.Token);
        var number = pullRequest ?? PullRequestOfEvent(variables, diagnostics);
        var needsRepository = number is not null || includeToken;
        var repository = needsRepository && token is not null ? Repository(variables, location, diagnostics) : null;
        PullRequestTarget? target = null;
        if (number is { } found)
        {
            var missing = new[] { CiVariables.Token, CiVariables.Repository }.Where(name => Value(variables, name) is null).ToList();
            if (missing.Count > 0)
            {
                diagnostics.Add(Warning(DiagnosticCodes.CommentSettingsIncomplete, location, found, string.Join(", ", missing)));
            }
            else if (repository is not null)
            {
                target = new PullRequestTarget(repository, found);
            }
        }

        return new PublishingContext
        {
            StepSummaryPath = StepSummary(variables),
            Repository = repository,
            PullRequest = target,
            IncludeToken = includeToken,
            Token = token,
        };
    }

    /// <summary>
    /// For <c>-t:PreviewDown</c>: the step summary and the token. Where the comment is comes from what
    /// <c>-t:Preview</c> recorded, not from this run's event.
    /// </summary>
    public static PublishingContext ForStop(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new PublishingContext { StepSummaryPath = StepSummary(variables), Token = Value(variables, CiVariables.Token) };
    }

    private static string? StepSummary(Func<string, string?> variables) =>
        string.Equals(Value(variables, CiVariables.Actions), "true", StringComparison.OrdinalIgnoreCase) ? Value(variables, CiVariables.StepSummary) : null;

    private static int? PullRequestOfEvent(Func<string, string?> variables, ICollection<PreviewDiagnostic> diagnostics)
    {
        if (Value(variables, CiVariables.EventPath) is not { } path)
        {
            return null;
        }

        try
        {
            return GitHubEventFile.ReadPullRequest(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            diagnostics.Add(Warning(DiagnosticCodes.EventFileUnreadable, SourceLocation.WholeFile(path), path, e.Message));
            return null;
        }
    }

    private static GitHubRepository? Repository(Func<string, string?> variables, SourceLocation location, ICollection<PreviewDiagnostic> diagnostics)
    {
        if (Value(variables, CiVariables.Repository) is not { } name)
        {
            return null;
        }

        var apiText = Value(variables, CiVariables.ApiUrl) ?? CiVariables.DefaultApiUrl;
        if (GitHubRepository.TryParseApiUrl(apiText) is not { } apiUrl)
        {
            diagnostics.Add(Warning(DiagnosticCodes.GitHubVariableInvalid, location, CiVariables.ApiUrl, apiText,
                "an absolute http or https address such as https://api.github.com or https://github.example.com/api/v3"));
            return null;
        }

        var repository = GitHubRepository.TryParse(name, apiUrl);
        if (repository is null)
        {
            diagnostics.Add(Warning(DiagnosticCodes.GitHubVariableInvalid, location, CiVariables.Repository, name, "a repository as owner/name (e.g. octo-org/shop)"));
        }

        return repository;
    }

    private static string? Value(Func<string, string?> variables, string name) =>
        variables(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static PreviewDiagnostic Warning(string code, SourceLocation location, params object?[] args) =>
        DiagnosticFactory.Create(code, DiagnosticSeverity.Warning, location, args);
}
