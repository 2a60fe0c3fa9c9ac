namespace PreviewSdk.Core.Environments;

/// <summary>An exclusive lock on the registry, held as long as this object lives.</summary>
public sealed class RegistryLock : IDisposable
{
    private readonly FileStream stream;
    private bool deleteOnDispose;

    private RegistryLock(FileStream stream) => this.stream = stream;

    /// <summary>The lock file.</summary>
    public string Path => stream.Name;

    /// <summary>
    /// Removes the lock file when the lock is released, so nothing of a stopped environment stays behind. Safe:
    /// a waiter holds no handle on the file between its attempts, so its next attempt creates a fresh one.
    /// </summary>
    public void DeleteOnRelease() => deleteOnDispose = true;

    /// <summary>Opens <paramref name="path"/> exclusively, retrying until <paramref name="timeout"/> passes.</summary>
    /// <exception cref="TimeoutException">Another process held the lock for the whole time.</exception>
    public static RegistryLock Acquire(string path, TimeSpan timeout)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new RegistryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                throw new TimeoutException($"The registry lock '{path}' stayed taken for {timeout.TotalSeconds:0} s.", e);
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> exclusively if nobody holds it, without waiting: null when another process (or
    /// another handle of this one) holds it. For sweeping, which must pass over an environment someone is busy with.
    /// </summary>
    public static RegistryLock? TryAcquire(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            return new RegistryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (deleteOnDispose)
        {
            File.Delete(stream.Name);
        }

        stream.Dispose();
    }
}
