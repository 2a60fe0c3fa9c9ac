using PreviewSdk.Core.Binaries;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// Places a backing service's data folder. It lives in the environment's state folder, unless the service runs as
/// another account that cannot reach it (root's home is private): then it lives under the temp folder, and a
/// symbolic link in the state folder points at it so that tearing the environment down finds and removes it.
/// </summary>
internal static class DataFolders
{
    public static string For(PreviewRuntime runtime, string resourceName, ServiceAccount? account)
    {
        var inState = runtime.DataDirectory(resourceName);
        if (account is null)
        {
            // Every start gets fresh data and a fresh password; F5 reuses its state folder, so clear what it left.
            if (Directory.Exists(inState))
            {
                Directory.Delete(inState, recursive: true);
            }

            Directory.CreateDirectory(inState);
            return inState;
        }

        var outside = Path.Combine(Path.GetTempPath(), "previewsdk-data", runtime.EnvironmentId, resourceName);
        Directory.CreateDirectory(outside);
        Directory.CreateDirectory(Path.GetDirectoryName(inState)!);
        // A link left by an earlier run of the same state folder (F5 reuses it): that run's data goes with it.
        if (new FileInfo(inState).LinkTarget is { } previous)
        {
            var previousTarget = Path.GetFullPath(previous, Path.GetDirectoryName(inState)!);
            if (Directory.Exists(previousTarget) && previousTarget != outside)
            {
                Directory.Delete(previousTarget, recursive: true);
            }

            File.Delete(inState);
        }
        else if (Directory.Exists(inState))
        {
            Directory.Delete(inState, recursive: true);
        }

        Directory.CreateSymbolicLink(inState, outside);
        if (OperatingSystem.IsWindows())
        {
            return outside;
        }

        // Traversable by the service account; the folder itself is handed over with chown.
        File.SetUnixFileMode(Path.GetDirectoryName(outside)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        File.SetUnixFileMode(Path.GetDirectoryName(Path.GetDirectoryName(outside)!)!, (UnixFileMode)0b111_111_111 | UnixFileMode.StickyBit);
        return outside;
    }
}
