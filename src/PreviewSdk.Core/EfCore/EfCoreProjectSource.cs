using System.Text.RegularExpressions;

namespace PreviewSdk.Core.EfCore;

/// <summary>
/// What an EF Core project's source says about its database, read from the C# files without building or running
/// anything: the ids of its migrations (<c>[Migration("20261126221433_InitialCreate")]</c>, which EF Core writes into
/// <c>__EFMigrationsHistory</c> as it applies each) and the tables of its model snapshot (<c>b.ToTable("products")</c>).
/// The environment's seeding waits for those ids; <c>previewsdk init</c> lists those tables.
/// </summary>
public sealed partial class EfCoreProjectSource
{
    private EfCoreProjectSource(string projectFolder, IReadOnlyList<string> migrationIds, IReadOnlyList<string> snapshotTables, string? snapshotFile)
    {
        ProjectFolder = projectFolder;
        MigrationIds = migrationIds;
        SnapshotTables = snapshotTables;
        SnapshotFile = snapshotFile;
    }

    /// <summary>The project's folder.</summary>
    public string ProjectFolder { get; }

    /// <summary>The ids of its migrations, in the order EF Core applies them (by id: they start with a timestamp).</summary>
    public IReadOnlyList<string> MigrationIds { get; }

    /// <summary>The tables of its model snapshot (<c>schema.table</c> outside the default schema), in file order.</summary>
    public IReadOnlyList<string> SnapshotTables { get; }

    /// <summary>The model snapshot file (<c>…ModelSnapshot.cs</c>), or null when the project has none.</summary>
    public string? SnapshotFile { get; }

    /// <summary>
    /// Reads the EF Core project at <paramref name="project"/> (its project file or folder), leaving out build output.
    /// </summary>
    public static EfCoreProjectSource Read(string project)
    {
        ArgumentException.ThrowIfNullOrEmpty(project);
        var full = Path.GetFullPath(project);
        var folder = Directory.Exists(full) ? full : Path.GetDirectoryName(full)!;
        var files = SourceFiles(folder).ToList();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        string? snapshot = null;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match match in MigrationAttribute().Matches(text))
            {
                ids.Add(match.Groups["id"].Value);
            }

            if (snapshot is null && file.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal) && ModelSnapshotBase().IsMatch(text))
            {
                snapshot = file;
            }
        }

        var tables = snapshot is null ? [] : TablesOf(File.ReadAllText(snapshot));
        return new EfCoreProjectSource(folder, [.. ids], tables, snapshot);
    }

    /// <summary>Whether <paramref name="folder"/> holds an EF Core model snapshot: it is an EF Core project with migrations.</summary>
    public static bool HasModelSnapshot(string folder) =>
        SourceFiles(folder).Any(file => file.EndsWith("ModelSnapshot.cs", StringComparison.Ordinal) && ModelSnapshotBase().IsMatch(File.ReadAllText(file)));

    private static IReadOnlyList<string> TablesOf(string snapshot) =>
        ToTableCall().Matches(snapshot)
            .Select(match => match.Groups["schema"].Success ? $"{match.Groups["schema"].Value}.{match.Groups["table"].Value}" : match.Groups["table"].Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> SourceFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(file =>
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            return !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal);
        });
    }

    [GeneratedRegex(@"\[\s*(?:Microsoft\.EntityFrameworkCore\.Migrations\.)?Migration(?:Attribute)?\s*\(\s*""(?<id>[^""]+)""\s*\)\s*\]")]
    private static partial Regex MigrationAttribute();

    [GeneratedRegex(@":\s*(?:Microsoft\.EntityFrameworkCore\.Infrastructure\.)?ModelSnapshot\b")]
    private static partial Regex ModelSnapshotBase();

    // b.ToTable("products"), b.ToTable("products", "catalog"), b.ToTable("products", (string)null).
    [GeneratedRegex(@"\.ToTable\(\s*""(?<table>[^""]+)""(?:\s*,\s*""(?<schema>[^""]+)"")?")]
    private static partial Regex ToTableCall();
}
