using System.Diagnostics;

namespace PreviewSdk.Core.Tests.Inputs;

/// <summary>Makes the things a careless or hostile user puts where PreviewSdk expects a file.</summary>
internal static class HostileFiles
{
    /// <summary>A named pipe (FIFO) nobody writes to: reading it the ordinary way blocks forever.</summary>
    public static string Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.AreEqual(0, mkfifo.ExitCode, "mkfifo failed");
        return path;
    }

    /// <summary>A symlink to <c>/dev/zero</c>: endless zero bytes.</summary>
    public static string LinkToDevZero(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, "/dev/zero");
        return path;
    }

    /// <summary>A folder where a file belongs.</summary>
    public static string Folder(string path)
    {
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Runs <paramref name="action"/> and fails when it takes longer than <paramref name="seconds"/> (it would block forever on a FIFO).</summary>
    public static T Within<T>(int seconds, Func<T> action)
    {
        var task = Task.Run(action);
        Assert.IsTrue(task.Wait(TimeSpan.FromSeconds(seconds)), $"Still running after {seconds} s: the read blocked.");
        return task.Result;
    }
}
