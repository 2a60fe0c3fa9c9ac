using System.Text;
using Microsoft.Win32.SafeHandles;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Inputs;

/// <summary>
/// Reads a file a user hands PreviewSdk (preview.yaml, a budget file, an SQL migration) as text, or says in one
/// coded diagnostic why not. The one reader for such files, because each way around it was a hole: a symlink to
/// <c>/dev/zero</c> read until the build ran out of memory, a named pipe blocked the build forever, a Latin-1 file
/// turned <c>café</c> into <c>caf\ufffd</c> in the generated code.
/// </summary>
/// <remarks>
/// The file is opened without blocking (<c>O_NONBLOCK</c>, so a FIFO without a writer cannot stall the open), its
/// type is taken from the open descriptor (so it cannot be swapped between a check and the read) and only a regular
/// file is read, at most <c>maxBytes</c> of it. The text must be strict UTF-8; a byte order mark is allowed and
/// dropped.
/// </remarks>
public static class InputFile
{
    /// <summary>The most a YAML input (preview.yaml, a budget file) may hold: 1 MiB, a hundred times the largest real one.</summary>
    public const long YamlMaxBytes = 1L << 20;

    /// <summary>The most one SQL migration file may hold: 64 MiB (schema scripts with reference data run large).</summary>
    public const long SqlMaxBytes = 64L << 20;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads <paramref name="path"/>; see <see cref="InputFileContent"/> for the outcomes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The documented size limit of this kind of file.</param>
    public static InputFileContent Read(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var kind = UnixFileKind.OfPath(path);
            if (kind is FileKind.Missing)
            {
                return InputFileContent.Missing(path);
            }

            if (kind is not FileKind.Regular)
            {
                return InputFileContent.Refused(DiagnosticFactory.Create(DiagnosticCodes.InputNotAFile, SourceLocation.WholeFile(path), path, Describe(kind)));
            }

            using var handle = UnixFileKind.OpenWithoutBlocking(path);
            var opened = UnixFileKind.Of(handle);
            if (opened is not FileKind.Regular)
            {
                // Swapped for something else between the look and the open.
                return InputFileContent.Refused(DiagnosticFactory.Create(DiagnosticCodes.InputNotAFile, SourceLocation.WholeFile(path), path, Describe(opened)));
            }

            if (!TryReadAtMost(handle, maxBytes, out bytes))
            {
                return InputFileContent.Refused(DiagnosticFactory.Create(DiagnosticCodes.InputTooLarge, SourceLocation.WholeFile(path), path, DescribeSize(maxBytes)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e is FileNotFoundException or DirectoryNotFoundException ? InputFileContent.Missing(path) : InputFileContent.Unreadable(path, e.Message);
        }

        return Decode(path, bytes);
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> as strict UTF-8 (a leading byte order mark is dropped); a byte sequence that
    /// is not UTF-8 is <see cref="DiagnosticCodes.InputNotUtf8"/> at its line and column.
    /// </summary>
    /// <param name="path">The file the bytes are from, for the diagnostic.</param>
    /// <param name="bytes">The file's content.</param>
    public static InputFileContent Decode(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        var body = bytes.StartsWith(ByteOrderMark) ? bytes[3..] : bytes;
        try
        {
            return InputFileContent.Read(path, StrictUtf8.GetString(body));
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = PositionOf(body, e.Index);
            var offending = string.Join(' ', e.BytesUnknown?.Select(b => $"0x{b:X2}") ?? []);
            return InputFileContent.Refused(DiagnosticFactory.Create(DiagnosticCodes.InputNotUtf8, new SourceLocation(path, line, column), path, offending));
        }
    }

    private static bool TryReadAtMost(SafeFileHandle handle, long maxBytes, out byte[] bytes)
    {
        bytes = [];
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            return false;
        }

        // The length said is not trusted (a file growing while read, a file system that reports 0): read one byte
        // past the limit to know it was not reached.
        var buffer = new byte[checked((int)Math.Min(maxBytes + 1, Math.Max(length + 1, 4096)))];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes)
                {
                    return false;
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        if (total > maxBytes)
        {
            return false;
        }

        bytes = buffer[..total];
        return true;
    }

    // The decoder's index counts from the start of the span it decoded; lines and columns count characters.
    private static (int Line, int Column) PositionOf(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..Math.Clamp(index, 0, bytes.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return (line, column);
    }

    private static string Describe(FileKind kind) => DiagnosticFactory.Format(kind switch
    {
        FileKind.Directory => "Text.FileKind.Directory",
        FileKind.Fifo => "Text.FileKind.Fifo",
        FileKind.CharacterDevice or FileKind.BlockDevice => "Text.FileKind.Device",
        FileKind.Socket => "Text.FileKind.Socket",
        _ => "Text.FileKind.Other",
    });

    private static string DescribeSize(long bytes) =>
        bytes % (1L << 20) == 0 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";
}
