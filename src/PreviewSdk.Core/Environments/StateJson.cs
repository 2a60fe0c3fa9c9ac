using System.Text.Json;
using System.Text.Json.Serialization;

namespace PreviewSdk.Core.Environments;

/// <summary>Reads and writes the state folder's JSON files, atomically, with one set of options.</summary>
public static class StateJson
{
    /// <summary>The serializer options of every state file: camelCase, indented, enums as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="path"/> through a temporary file and a rename, so a reader
    /// polling the file never sees half of it.
    /// </summary>
    public static void Write<T>(string path, T value) => WriteThroughTemporary(path, value, unixMode: null);

    /// <summary>
    /// Like <see cref="Write{T}"/>, for secrets: the file is created readable and writable by its owner only
    /// (0600) before anything is written into it.
    /// </summary>
    public static void WritePrivate<T>(string path, T value) =>
        WriteThroughTemporary(path, value, UnixFileMode.UserRead | UnixFileMode.UserWrite);

    private static void WriteThroughTemporary<T>(string path, T value, UnixFileMode? unixMode) =>
        WriteAtomically(path, unixMode, stream => JsonSerializer.Serialize(stream, value, Options));

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> like <see cref="WritePrivate{T}"/>: owner-only (0600)
    /// from the start, through a temporary file and a rename.
    /// </summary>
    public static void WritePrivateText(string path, string text) =>
        WriteText(path, text, UnixFileMode.UserRead | UnixFileMode.UserWrite);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> with exactly <paramref name="unixMode"/> (whatever the
    /// umask; ignored on Windows), through a temporary file and a rename: a script that another process may be running
    /// is replaced whole, never seen half-written.
    /// </summary>
    public static void WriteText(string path, string text, UnixFileMode unixMode) =>
        WriteAtomically(path, unixMode, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            writer.Write(text);
        });

    private static void WriteAtomically(string path, UnixFileMode? unixMode, Action<Stream> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Unique per write, not per process: two threads of one app host (the state reporter and a dashboard
        // command) may write the same file at once, and a shared name let one rename the other's file away.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (unixMode is { } mode && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                write(stream);
            }

            if (unixMode is { } exact && !OperatingSystem.IsWindows())
            {
                // The create mode is narrowed by the umask; a script's execute bits must not be.
                File.SetUnixFileMode(temporary, exact);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads <paramref name="path"/>, or returns null when it is missing or not (yet) valid.</summary>
    public static T? TryRead<T>(string path) where T : class
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
