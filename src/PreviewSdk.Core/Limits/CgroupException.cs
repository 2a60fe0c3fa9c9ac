namespace PreviewSdk.Core.Limits;

/// <summary>A cgroup file or folder that could not be written, created or removed.</summary>
public sealed class CgroupException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The cgroup file or folder.</param>
    /// <param name="message">What failed, ending with a full stop.</param>
    /// <param name="innerException">The operating system's error.</param>
    public CgroupException(string path, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Path = path;
    }

    /// <summary>The cgroup file or folder.</summary>
    public string Path { get; }
}
