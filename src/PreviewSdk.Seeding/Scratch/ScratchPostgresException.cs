namespace PreviewSdk.Seeding.Scratch;

/// <summary>A scratch PostgreSQL server could not be started; the message says which step failed and why.</summary>
public sealed class ScratchPostgresException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScratchPostgresException()
    {
    }

    /// <summary>Creates the exception with the reason, worded to follow "could not start: ".</summary>
    /// <param name="message">The reason.</param>
    public ScratchPostgresException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public ScratchPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
