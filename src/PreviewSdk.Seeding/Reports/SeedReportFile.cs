using System.Text;
using System.Text.RegularExpressions;

namespace PreviewSdk.Seeding.Reports;

/// <summary>
/// <c>seed-report.md</c> in an environment's state folder, beside links.json: one section per seeded database,
/// each replaced when that database is seeded again (by the app host as the environment starts, or by
/// <c>-t:PreviewSeed</c>), the others kept. Written to a temporary file and renamed, like every state file.
/// </summary>
public static partial class SeedReportFile
{
    /// <summary>The file's name.</summary>
    public const string FileName = "seed-report.md";

    private static readonly Lock Gate = new();

    /// <summary>Writes <paramref name="section"/> as <paramref name="database"/>'s section of the report in <paramref name="folder"/>.</summary>
    public static void Write(string folder, string database, string section)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(section);
        lock (Gate)
        {
            var path = Path.Combine(folder, FileName);
            var sections = File.Exists(path) ? Read(File.ReadAllText(path)) : new SortedDictionary<string, string>(StringComparer.Ordinal);
            sections[database] = section.TrimEnd() + "\n";
            var text = new StringBuilder("# Seed report\n\nWhat each seeded database holds: rows per table, and per column the values chosen and why.\n\n");
            foreach (var (name, body) in sections)
            {
                text.Append("<!-- database: ").Append(name).Append(" -->\n").Append(body).Append("<!-- end: ").Append(name).Append(" -->\n\n");
            }

            Directory.CreateDirectory(folder);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, text.ToString());
            File.Move(temporary, path, overwrite: true);
        }
    }

    private static SortedDictionary<string, string> Read(string text)
    {
        var sections = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Section().Matches(text))
        {
            sections[match.Groups["name"].Value] = match.Groups["body"].Value;
        }

        return sections;
    }

    [GeneratedRegex(@"<!-- database: (?<name>.+?) -->\n(?<body>.*?)<!-- end: \k<name> -->", RegexOptions.Singleline)]
    private static partial Regex Section();
}
