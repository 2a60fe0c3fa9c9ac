namespace PreviewSdk.Core.Environments;

/// <summary>
/// The time to live of environments: extending it (<c>-t:PreviewExtend</c>) and, for the app host, stopping itself
/// once it passed. The app host re-reads its record each time it checks, so an extension or a keep written by a
/// build applies to a running environment.
/// </summary>
public static class EnvironmentExpiry
{
    /// <summary>
    /// <paramref name="record"/> extended at <paramref name="now"/>: kept (no expiry) when <paramref name="keep"/>,
    /// else expiring <paramref name="timeToLive"/> from now, or the profile's time to live from now when that is null.
    /// </summary>
    public static EnvironmentRecord Extend(EnvironmentRecord record, TimeSpan? timeToLive, bool keep, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (keep)
        {
            return record with { Keep = true, ExpiresAt = null };
        }

        var ttl = timeToLive ?? record.DefaultTimeToLive ?? Profiles.ProfileCatalog.LightweightTimeToLive;
        return record with { Keep = false, ExpiresAt = now + ttl };
    }

    /// <summary>
    /// For the app host of environment <paramref name="environmentId"/> (its dashboard's Extend command): extends its
    /// own record in <paramref name="stateFolder"/> as <see cref="Extend"/> does, under the environment's lock. Null when
    /// the folder holds no record of this run (an app host started outside the registry) or it is already expiring.
    /// </summary>
    /// <exception cref="TimeoutException">A build held the environment's lock for <paramref name="lockTimeout"/>.</exception>
    public static EnvironmentRecord? ExtendOwn(string stateFolder, string environmentId, TimeSpan? timeToLive, DateTimeOffset now, TimeSpan lockTimeout)
    {
        ArgumentNullException.ThrowIfNull(stateFolder);
        if (OwnRecord(stateFolder, environmentId) is not { } record)
        {
            return null;
        }

        using var environmentLock = EnvironmentRegistry.OfStateFolder(stateFolder).LockEnvironment(record.App, record.Name, lockTimeout);
        // Read again under the lock: it may have expired or been extended meanwhile.
        if (OwnRecord(stateFolder, environmentId) is not { } current)
        {
            return null;
        }

        var extended = Extend(current, timeToLive, keep: false, now);
        StateJson.Write(Path.Combine(stateFolder, StateFiles.Record), extended);
        return extended;
    }

    private static EnvironmentRecord? OwnRecord(string stateFolder, string environmentId) =>
        EnvironmentRegistry.Read(stateFolder)?.Record is { } record && record.EnvironmentId == environmentId && record.State != EnvironmentState.Expired
            ? record
            : null;

    /// <summary>
    /// For the app host of environment <paramref name="environmentId"/>: when its record in
    /// <paramref name="stateFolder"/> has expired at <paramref name="now"/>, takes the environment's lock, marks the
    /// record <see cref="EnvironmentState.Expired"/> and returns the lock, which the app host holds while it stops
    /// (so no build starts the same environment meanwhile, and sweeps pass it over). Null when it has not expired,
    /// is kept, is another run's, or someone holds the lock (a build extending or stopping it: check again later).
    /// </summary>
    public static RegistryLock? TryBegin(string stateFolder, string environmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stateFolder);
        if (!IsExpiredRun(stateFolder, environmentId, now, out var record))
        {
            return null;
        }

        var environmentLock = EnvironmentRegistry.OfStateFolder(stateFolder).TryLockEnvironment(record.App, record.Name);
        if (environmentLock is null)
        {
            return null;
        }

        // Read again under the lock: a PreviewExtend that held it may have just moved the expiry.
        if (!IsExpiredRun(stateFolder, environmentId, now, out record))
        {
            environmentLock.Dispose();
            return null;
        }

        StateJson.Write(Path.Combine(stateFolder, StateFiles.Record), record with { State = EnvironmentState.Expired });
        return environmentLock;
    }

    /// <summary>
    /// For the app host once it stopped its resources after <see cref="TryBegin"/>: stops whatever still carries
    /// the environment's id (but itself), deletes the state folder and its data, and releases and removes the lock.
    /// Returns false when processes survived; the state folder then stays for the next command's sweep.
    /// </summary>
    public static bool Finish(string stateFolder, string environmentId, RegistryLock environmentLock)
    {
        ArgumentNullException.ThrowIfNull(stateFolder);
        ArgumentNullException.ThrowIfNull(environmentLock);
        using (environmentLock)
        {
            if (EnvironmentProcesses.StopRemaining(environmentId).Count > 0)
            {
                return false;
            }

            if (EnvironmentRegistry.Read(stateFolder)?.Record is { } record && Containers.EnvironmentContainers.RemoveRecorded(record).Count > 0)
            {
                return false;
            }

            StateDeletion.Delete(stateFolder);
            environmentLock.DeleteOnRelease();
            return true;
        }
    }

    private static bool IsExpiredRun(string stateFolder, string environmentId, DateTimeOffset now, out EnvironmentRecord record)
    {
        record = EnvironmentRegistry.Read(stateFolder)?.Record!;
        return record is not null && record.EnvironmentId == environmentId && record.State != EnvironmentState.Expired && record.HasExpired(now);
    }
}
