using System.Text.Json;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// The migrations of an EF Core project, listed and applied with <c>dotnet ef</c>: the startup project is built
/// once, then every command runs with <c>--no-build</c>. Applying a migration is <c>dotnet ef database update
/// &lt;id&gt; --connection …</c>, so the project's own design-time setup decides how its DbContext is made.
/// </summary>
public sealed class EfCoreMigrations : IMigrationSource
{
    private readonly string project;
    private readonly string startupProject;
    private readonly string projectFolder;
    private readonly SourceLocation location;
    private readonly DotnetEfTool tool;
    private bool built;

    /// <summary>Reads the migrations of <paramref name="project"/>.</summary>
    /// <param name="project">The project holding the migrations: a project file, or a folder with exactly one.</param>
    /// <param name="startupProject">The project <c>dotnet ef</c> builds and runs; null for <paramref name="project"/>.</param>
    /// <param name="location">Where preview.yaml names the project, for diagnostics about it.</param>
    public EfCoreMigrations(string project, string? startupProject, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(project);
        this.project = ProjectFile(project);
        this.startupProject = startupProject is null ? this.project : ProjectFile(startupProject);
        projectFolder = Path.GetDirectoryName(this.project)!;
        this.location = location;
        tool = new DotnetEfTool(projectFolder, location);
    }

    /// <inheritdoc />
    public string Description => $"the EF Core project {Path.GetFileNameWithoutExtension(project)}";

    /// <inheritdoc />
    public async Task<IReadOnlyList<MigrationInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        string[] arguments = ["migrations", "list", "--json", "--no-connect", "--no-build", "--prefix-output", .. ProjectArguments()];
        var shown = "dotnet ef " + string.Join(' ', arguments);
        var list = await tool.RunAsync(arguments, cancellationToken);
        if (!list.Succeeded)
        {
            throw tool.Failed(shown, list);
        }

        // With --prefix-output the JSON is the lines marked 'data:'; build messages and warnings are marked otherwise.
        var json = string.Join('\n', list.Output.Split('\n')
            .Where(line => line.StartsWith("data:", StringComparison.Ordinal))
            .Select(line => line["data:".Length..]));
        var files = MigrationFiles();
        using var document = JsonDocument.Parse(json.Length == 0 ? "[]" : json);
        return document.RootElement.EnumerateArray()
            .Select(item => (Id: item.GetProperty("id").GetString()!, Name: item.GetProperty("name").GetString()!))
            .Select(migration => new MigrationInfo(migration.Id, migration.Name, files.GetValueOrDefault(migration.Id)))
            .ToList();
    }

    /// <inheritdoc />
    public async Task ApplyAsync(string connectionString, MigrationInfo migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        await EnsureBuiltAsync(cancellationToken);
        string[] arguments = ["database", "update", migration.Id, "--no-build", .. ProjectArguments()];
        // The connection string (with the scratch server's password) is left out of messages.
        var update = await tool.RunAsync([.. arguments, "--connection", connectionString], cancellationToken);
        if (!update.Succeeded)
        {
            var location = migration.FilePath is { } file ? SourceLocation.WholeFile(file) : this.location;
            throw new MigrationCheckException(DiagnosticFactory.Create(
                DiagnosticCodes.MigrationFailed, location, migration.Id, "the scratch database", string.Empty, $"dotnet ef database update exited with code {update.ExitCode} (its output follows).") with
            {
                Details = update.LastLines(),
            });
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> IdsAtGitRefAsync(string gitRef, CancellationToken cancellationToken)
    {
        // A migration is its <id>.cs file, wherever the project keeps it (Migrations/ by default, or an --output-dir);
        // other C# files never match a migration id.
        var files = await GitRefFiles.ListAsync(projectFolder, gitRef, location, cancellationToken);
        return files
            .Select(path => path[(path.LastIndexOf('/') + 1)..])
            .Where(IsCodeFile)
            .Select(name => name[..^".cs".Length])
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        if (built)
        {
            return;
        }

        await tool.EnsureAvailableAsync(cancellationToken);
        await tool.BuildAsync(startupProject, cancellationToken);
        built = true;
    }

    private string[] ProjectArguments() => ["--project", project, "--startup-project", startupProject];

    /// <summary>The C# files of the project by name without <c>.cs</c>: a migration's file is the one named by its id.</summary>
    private Dictionary<string, string> MigrationFiles() =>
        Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => IsCodeFile(Path.GetFileName(path)) && !IsBuildOutput(path))
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

    private bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(projectFolder, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    // A migration's .Designer.cs shares its id; it is not the migration.
    private static bool IsCodeFile(string fileName) =>
        fileName.EndsWith(".cs", StringComparison.Ordinal) && !fileName.EndsWith(".Designer.cs", StringComparison.Ordinal);

    private static string ProjectFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full) && Directory.GetFiles(full, "*.csproj") is [var only])
        {
            return only;
        }

        return full;
    }
}
