using System.Net;
using Octokit;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Publishing.Context;

namespace PreviewSdk.Publishing.GitHub;

/// <summary>Turns what went wrong talking to GitHub into a coded warning that says what to change.</summary>
internal static class GitHubFailure
{
    /// <summary>Whether <paramref name="exception"/> is a failure of the API or of the way to it, rather than a bug.</summary>
    public static bool IsExpected(Exception exception) =>
        exception is ApiException or HttpRequestException or TimeoutException or OperationCanceledException;

    /// <summary>The warning for a failed request about the comment of <paramref name="environment"/> on <paramref name="target"/>.</summary>
    public static PreviewDiagnostic Describe(Exception exception, string environment, PullRequestTarget target, SourceLocation location) => exception switch
    {
        AuthorizationException or ForbiddenException and not RateLimitExceededException => Warning(DiagnosticCodes.GitHubTokenRefused, location, environment, target, Answer(exception)),
        NotFoundException => Warning(DiagnosticCodes.PullRequestNotFound, location, environment, target, Answer(exception)),
        ApiException => Warning(DiagnosticCodes.PullRequestCommentFailed, location, environment, target, Answer(exception)),
        _ => Warning(DiagnosticCodes.GitHubUnreachable, location, environment, target, target.Repository.ApiUrl, Unreachable(exception)),
    };

    private static string Answer(Exception exception)
    {
        var api = (ApiException)exception;
        var status = (int)api.StatusCode;
        var reason = api.StatusCode is 0 ? string.Empty : " " + ReasonOf(api.StatusCode);
        var message = string.IsNullOrWhiteSpace(api.ApiError?.Message) ? string.Empty : $" ({api.ApiError.Message.Trim().TrimEnd('.')})";
        return $"HTTP {status}{reason}{message}";
    }

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        HttpStatusCode.UnprocessableEntity => "Unprocessable Entity",
        _ => status.ToString(),
    };

    private static string Unreachable(Exception exception) => exception switch
    {
        TimeoutException or OperationCanceledException => "no answer in time",
        _ => (exception.InnerException?.Message ?? exception.Message).Trim().TrimEnd('.'),
    };

    private static PreviewDiagnostic Warning(string code, SourceLocation location, params object?[] args) =>
        DiagnosticFactory.Create(code, DiagnosticSeverity.Warning, location, args);
}
