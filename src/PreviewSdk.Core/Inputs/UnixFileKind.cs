using System.ComponentModel;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace PreviewSdk.Core.Inputs;

/// <summary>What kind of file system object a path or an open descriptor is.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// The file type from the kernel (<c>statx</c>, whose layout is the same on every Linux architecture) and an open
/// that never blocks (<c>O_NONBLOCK</c>): .NET's own APIs tell a directory from a file but not a FIFO or a device
/// from a regular file, and its open blocks on a FIFO until a writer comes.
/// </summary>
internal static class UnixFileKind
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int OpenReadOnlyNonBlockingCloseOnExec = 0x0 | 0x800 | 0x80000;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;
    private const int WouldBlock = 11;
    private const int LockShared = 1;
    private const int LockNonBlocking = 4;

    /// <summary>The kind of what <paramref name="path"/> names, following symlinks (a dangling link is missing).</summary>
    public static FileKind OfPath(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Regular : FileKind.Missing;
        }

        var buffer = new StatxBuffer();
        if (Statx(AtFdCwd, path, 0, StatxType, ref buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is NoSuchFile or NotADirectory
                ? FileKind.Missing
                : throw new IOException($"'{path}': {new Win32Exception(error).Message}");
        }

        return KindOf(buffer.Mode);
    }

    /// <summary>The kind of the open file <paramref name="handle"/>.</summary>
    public static FileKind Of(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return FileKind.Regular;
        }

        var buffer = new StatxBuffer();
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            return Statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxType, ref buffer) == 0
                ? KindOf(buffer.Mode)
                : throw new IOException(new Win32Exception(Marshal.GetLastPInvokeError()).Message);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Opens <paramref name="path"/> for reading without waiting for a FIFO's writer.</summary>
    public static SafeFileHandle OpenWithoutBlocking(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        var descriptor = Open(path, OpenReadOnlyNonBlockingCloseOnExec);
        if (descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            var message = $"'{path}': {new Win32Exception(error).Message}";
            throw error is 13 or 1 ? new UnauthorizedAccessException(message) : error == NoSuchFile ? new FileNotFoundException(message, path) : new IOException(message);
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);

        // .NET's FileShare.None is an advisory flock on Unix; honour it as File.ReadAllText would.
        if (Flock(descriptor, LockShared | LockNonBlocking) != 0 && Marshal.GetLastPInvokeError() == WouldBlock)
        {
            handle.Dispose();
            throw new IOException($"The process cannot access the file '{path}' because it is being used by another process.");
        }

        return handle;
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Other,
    };

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref StatxBuffer buffer);

    [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static extern int Flock(int descriptor, int operation);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    // struct statx (linux/stat.h): 256 bytes, stx_mode at offset 28 on every architecture.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }
}
