using System.Text.RegularExpressions;

namespace PreviewSdk.Core.Environments;

/// <summary>Reads the last lines of a log file, for error messages about a failed start and for alerts.</summary>
public static partial class LogTail
{
    /// <summary>
    /// The last <paramref name="count"/> non-empty lines of <paramref name="path"/>, indented and without terminal
    /// colour codes (services colour their console logs; a build log shows them as noise); a note when there are none.
    /// When those lines are the frames of a stack trace whose exception message came earlier, that message comes
    /// first: 15 lines of <c>at …</c> say where, not what.
    /// </summary>
    public static string Read(string path, int count = 15)
    {
        if (!File.Exists(path))
        {
            return "    (no log was written)";
        }

        var lines = NonEmptyLines(path);
        if (lines.Count == 0)
        {
            return "    (the log is empty)";
        }

        var start = Math.Max(0, lines.Count - count);
        var tail = lines.Skip(start).Select(line => "    " + line);
        return ExceptionMessageBefore(lines, start) is { } message
            ? string.Join('\n', new[] { "    " + message, "    …" }.Concat(tail))
            : string.Join('\n', tail);
    }

    /// <summary>The last <paramref name="count"/> non-empty lines of <paramref name="path"/>, without colour codes; none when there is no file.</summary>
    public static IReadOnlyList<string> Lines(string path, int count = 15) =>
        File.Exists(path) ? [.. NonEmptyLines(path).TakeLast(count)] : [];

    private static List<string> NonEmptyLines(string path)
    {
        // Shared: the log recorder of a running environment may be appending to it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = AnsiEscape().Replace(line, string.Empty);
            if (line.Trim().Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    // The tail starts inside a stack trace: the line above its first frame is the exception and its message.
    private static string? ExceptionMessageBefore(List<string> lines, int start)
    {
        if (start == 0 || !IsFrame(lines[start]))
        {
            return null;
        }

        var index = start - 1;
        while (index >= 0 && IsFrame(lines[index]))
        {
            index--;
        }

        return index >= 0 ? lines[index] : null;
    }

    private static bool IsFrame(string line) => StackFrame().IsMatch(line);

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    // "   at Namespace.Type.Method(...)", "--- End of stack trace from previous location ---", "--- End of inner
    // exception stack trace ---", after an optional timestamp (the resource logs prefix each line with one).
    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT\S+\s+)?\s*(at\s+\S|---\s*End of )")]
    private static partial Regex StackFrame();
}
