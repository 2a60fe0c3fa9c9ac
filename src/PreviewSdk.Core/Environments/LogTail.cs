using System.Text.RegularExpressions;

namespace PreviewSdk.Core.Environments;

/// <summary>Reads the last lines of a log file, for error messages about a failed start.</summary>
public static partial class LogTail
{
    /// <summary>
    /// The last <paramref name="count"/> non-empty lines of <paramref name="path"/>, indented and without terminal
    /// colour codes (services colour their console logs; a build log shows them as noise); a note when there are none.
    /// </summary>
    public static string Read(string path, int count = 15)
    {
        if (!File.Exists(path))
        {
            return "    (no log was written)";
        }

        var lines = Lines(path, count);
        return lines.Count == 0 ? "    (the log is empty)" : string.Join('\n', lines.Select(line => "    " + line));
    }

    /// <summary>The last <paramref name="count"/> non-empty lines of <paramref name="path"/>, without colour codes; none when there is no file.</summary>
    public static IReadOnlyList<string> Lines(string path, int count = 15)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        // Shared: the log recorder may be appending to it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new Queue<string>(count + 1);
        while (reader.ReadLine() is { } line)
        {
            line = AnsiEscape().Replace(line, string.Empty);
            if (line.Trim().Length > 0)
            {
                lines.Enqueue(line);
                if (lines.Count > count)
                {
                    lines.Dequeue();
                }
            }
        }

        return [.. lines];
    }

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
