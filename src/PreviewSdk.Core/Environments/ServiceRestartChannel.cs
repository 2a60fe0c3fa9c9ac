namespace PreviewSdk.Core.Environments;

/// <summary>
/// How <c>-t:Preview</c> asks a running app host to restart services, through two files of the state folder (as
/// every other command reaches a running environment: the folder is private to its owner, and no port is opened for
/// it). The build writes <see cref="StateFiles.RestartRequest"/>; the app host, which looks for it every half second,
/// takes it, restarts each service with Aspire's own Restart command (every replica), waits until they run healthy
/// again and writes <see cref="StateFiles.RestartResult"/> with the request's id.
/// </summary>
public static class ServiceRestartChannel
{
    /// <summary>Services to restart.</summary>
    /// <param name="Id">Names the request; the result carries it back.</param>
    /// <param name="Services">Resource names.</param>
    /// <param name="TimeoutSeconds">How long each may take to run healthy again.</param>
    public sealed record Request(string Id, IReadOnlyList<string> Services, int TimeoutSeconds);

    /// <summary>What came of a request.</summary>
    /// <param name="Id">The request's id.</param>
    /// <param name="Restarted">The services that run healthy again.</param>
    /// <param name="Failed">Per service that did not: why.</param>
    public sealed record Result(string Id, IReadOnlyList<string> Restarted, IReadOnlyDictionary<string, string> Failed);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The build's side: asks the app host of <paramref name="folder"/> to restart <paramref name="services"/>; returns the request's id.</summary>
    public static string Post(string folder, IReadOnlyList<string> services, TimeSpan timeout)
    {
        var id = Guid.NewGuid().ToString("N");
        File.Delete(Path.Combine(folder, StateFiles.RestartResult));
        StateJson.Write(Path.Combine(folder, StateFiles.RestartRequest), new Request(id, services, (int)Math.Ceiling(timeout.TotalSeconds)));
        return id;
    }

    /// <summary>
    /// The build's side: waits for the result of request <paramref name="id"/>. Null when it did not come within
    /// <paramref name="timeout"/>, or when <paramref name="hostAlive"/> says the app host is gone.
    /// </summary>
    public static Result? WaitFor(string folder, string id, TimeSpan timeout, Func<bool> hostAlive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hostAlive);
        var deadline = DateTime.UtcNow + timeout;
        var resultPath = Path.Combine(folder, StateFiles.RestartResult);
        while (true)
        {
            if (StateJson.TryRead<Result>(resultPath) is { } result && result.Id == id)
            {
                File.Delete(resultPath);
                return result;
            }

            if (DateTime.UtcNow > deadline || !hostAlive())
            {
                // A request nobody took must not restart the services later, unasked.
                File.Delete(Path.Combine(folder, StateFiles.RestartRequest));
                return null;
            }

            cancellationToken.WaitHandle.WaitOne(PollInterval);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The app host's side: takes the pending request of <paramref name="folder"/>, if any (it is deleted).</summary>
    public static Request? Take(string folder)
    {
        var path = Path.Combine(folder, StateFiles.RestartRequest);
        if (StateJson.TryRead<Request>(path) is not { } request)
        {
            return null;
        }

        File.Delete(path);
        return request;
    }

    /// <summary>The app host's side: answers a request.</summary>
    public static void Answer(string folder, Result result) => StateJson.Write(Path.Combine(folder, StateFiles.RestartResult), result);
}
