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

        var lines = File.ReadAllLines(path)
            .Select(line => AnsiEscape().Replace(line, string.Empty))
            .Where(line => line.Trim().Length > 0)
            .TakeLast(count)
            .ToList();
        return lines.Count == 0 ? "    (the log is empty)" : string.Join('\n', lines.Select(line => "    " + line));
    }

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
