using System.Globalization;
using System.Net;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Checks;

/// <summary>One run of a <see cref="CheckEntry"/>: what was asked, what came back, and whether that is what it expects.</summary>
/// <param name="Check">The check.</param>
/// <param name="Url">The address it called.</param>
/// <param name="Outcome">Whether it passed, and otherwise the first expectation that failed (status, body, time).</param>
/// <param name="Elapsed">From sending the request until the body was read (or it gave up).</param>
/// <param name="At">When it ran (UTC).</param>
public sealed record CheckResult(CheckEntry Check, Uri Url, CheckOutcome Outcome, TimeSpan Elapsed, DateTimeOffset At)
{
    /// <summary>The answer's status; null without an answer.</summary>
    public int? Status { get; init; }

    /// <summary>The start of the answer's body, for a message (at most <see cref="BodyExcerptLength"/> characters).</summary>
    public string BodyExcerpt { get; init; } = string.Empty;

    /// <summary>Why there was no answer (<see cref="CheckOutcome.NoAnswer"/>): the error, as one line.</summary>
    public string? Error { get; init; }

    /// <summary>How much of a body a message quotes.</summary>
    public const int BodyExcerptLength = 120;

    /// <summary>True when every expectation held.</summary>
    public bool Passed => Outcome == CheckOutcome.Passed;

    /// <summary>The request as one line: <c>GET http://localhost:5000/products</c>.</summary>
    public string Request => $"{Check.Method} {Url}";

    /// <summary>
    /// The failure as a coded diagnostic at the check's place in preview.yaml (PREVIEW6001–6004), naming the check,
    /// the URL, what it expected and what it got; null when it passed.
    /// </summary>
    public PreviewDiagnostic? ToDiagnostic() => Outcome switch
    {
        CheckOutcome.Passed => null,
        CheckOutcome.WrongStatus => DiagnosticFactory.Create(DiagnosticCodes.CheckWrongStatus, Check.Location, Check.FullName, Request, DescribeStatus(Status), DescribeStatus(Check.ExpectedStatus)),
        CheckOutcome.BodyMismatch => DiagnosticFactory.Create(DiagnosticCodes.CheckBodyMismatch, Check.Location, Check.FullName, Request, Check.BodyContains, BodyExcerpt),
        CheckOutcome.TooSlow => DiagnosticFactory.Create(DiagnosticCodes.CheckTooSlow, Check.Location, Check.FullName, Request, Describe(Elapsed), Describe(Check.MaxLatency ?? TimeSpan.Zero)),
        _ => DiagnosticFactory.Create(DiagnosticCodes.CheckNoAnswer, Check.Location, Check.FullName, Request, Error ?? "no answer"),
    };

    /// <summary>One line for a dashboard or a log: <c>GET http://…/products: 200 in 12 ms</c>, or the failure's message.</summary>
    public string Describe() => ToDiagnostic() is { } failure
        ? $"{failure.Code}: {failure.Message}"
        : $"{Request}: {DescribeStatus(Status)} in {Describe(Elapsed)}";

    /// <summary>A latency as people read it: <c>12 ms</c>, <c>1.53 s</c>.</summary>
    public static string Describe(TimeSpan elapsed) => elapsed < TimeSpan.FromSeconds(1)
        ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:0} ms")
        : elapsed < TimeSpan.FromMinutes(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s")
            : DurationText.Format(elapsed);

    private static string DescribeStatus(int? status) => status is { } code
        ? $"{code} {(Enum.IsDefined((HttpStatusCode)code) ? ((HttpStatusCode)code).ToString() : string.Empty)}".TrimEnd()
        : "no status";
}
