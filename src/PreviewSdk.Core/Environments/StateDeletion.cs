namespace PreviewSdk.Core.Environments;

/// <summary>What is left of an environment once its processes are gone: its state folder and the data folders it links to.</summary>
internal static class StateDeletion
{
    /// <summary>
    /// Deletes an environment's state folder, the data folders it links to outside it (see the hosting layer) and
    /// its app's folder when that was the app's last environment.
    /// </summary>
    public static void Delete(string folder)
    {
        // The environment's temp folder (TMPDIR of all its processes) lives outside the state folder.
        EnvironmentTemp.Delete(EnvironmentRegistry.Read(folder)?.Record.TempDirectory);

        var data = Path.Combine(folder, StateFiles.DataFolder);
        if (Directory.Exists(data))
        {
            foreach (var link in Directory.EnumerateFileSystemEntries(data).Select(path => new FileInfo(path)).Where(info => info.LinkTarget is not null))
            {
                var target = Path.GetFullPath(link.LinkTarget!, data);
                File.Delete(link.FullName);
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                var environmentFolder = Path.GetDirectoryName(target);
                if (environmentFolder is not null && Directory.Exists(environmentFolder) && !Directory.EnumerateFileSystemEntries(environmentFolder).Any())
                {
                    Directory.Delete(environmentFolder);
                }
            }
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        // The app's folder goes with its last environment, unless another environment of the app just started.
        var appFolder = Path.GetDirectoryName(folder);
        try
        {
            if (appFolder is not null && Directory.Exists(appFolder) && !Directory.EnumerateFileSystemEntries(appFolder).Any())
            {
                Directory.Delete(appFolder);
            }
        }
        catch (IOException)
        {
            // Not empty after all: it stays.
        }
    }
}
