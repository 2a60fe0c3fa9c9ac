namespace PreviewSdk.Observability.Checks;

/// <summary>How a run of a check ended; everything but <see cref="Passed"/> is a failure with its own code.</summary>
public enum CheckOutcome
{
    /// <summary>Every expectation held.</summary>
    Passed,

    /// <summary>Another status than expected (PREVIEW6001).</summary>
    WrongStatus,

    /// <summary>The body lacks the expected text (PREVIEW6002).</summary>
    BodyMismatch,

    /// <summary>Slower than its maximum latency (PREVIEW6003).</summary>
    TooSlow,

    /// <summary>No answer at all: refused, reset, timed out (PREVIEW6004).</summary>
    NoAnswer,
}
