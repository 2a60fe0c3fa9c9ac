using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads preview.yaml into a <see cref="PreviewManifest"/>. It never throws for anything a user can write: every
/// problem becomes a diagnostic at the line and column of the offending key or value, and all of them are
/// reported in one pass.
/// </summary>
/// <remarks>
/// This checks the shape of the file on its own. Whether names match ProjectReferences, whether <c>uses</c>
/// names exist and whether names clash is decided by the planner, which also knows the projects.
/// </remarks>
public static class ManifestReader
{
    /// <summary>The keys allowed at the top level of preview.yaml.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } = ["app", "dependencies", "services", "seed", "profiles", "team", "budget", "checks", "alerts"];

    /// <summary>
    /// Reads preview.yaml from disk through <see cref="InputFile"/>: a regular file of at most
    /// <see cref="InputFile.YamlMaxBytes"/> of UTF-8 text, else one coded diagnostic and no manifest.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="missingAt">Where a missing file is reported (PREVIEW1001); the file itself when null.</param>
    public static ManifestReadResult ReadFile(string path, SourceLocation? missingAt = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var content = InputFile.Read(path, InputFile.YamlMaxBytes);
        if (content.Text is { } text)
        {
            return Read(path, text);
        }

        var problem = content.Refusal
            ?? (content.IsMissing
                ? DiagnosticFactory.Create(DiagnosticCodes.ManifestNotFound, missingAt ?? SourceLocation.WholeFile(path), path)
                : DiagnosticFactory.Create(DiagnosticCodes.ManifestUnreadable, SourceLocation.WholeFile(path), path, content.UnreadableReason));
        return new ManifestReadResult(null, [problem]);
    }

    /// <summary>Reads the text of a preview.yaml.</summary>
    /// <param name="path">The path of the file, used in diagnostics.</param>
    /// <param name="text">The content of the file.</param>
    public static ManifestReadResult Read(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);

        var diagnostics = new DiagnosticBag();
        if (!ManifestYamlLoader.TryLoad(path, text, diagnostics, out var root))
        {
            return new ManifestReadResult(null, diagnostics.ToSortedList());
        }

        var manifest = root is null ? PreviewManifest.Empty(path) : ReadRoot(path, root, new ManifestNodeReader(diagnostics));
        return new ManifestReadResult(manifest, diagnostics.ToSortedList());
    }

    private static PreviewManifest ReadRoot(string path, ManifestNode root, ManifestNodeReader reader)
    {
        if (root is not ManifestMapping and not ManifestScalar { IsNull: true })
        {
            reader.ReportWrongType(root, Path.GetFileName(path), "Text.Shape.Map");
            return PreviewManifest.Empty(path);
        }

        Located<string>? app = null;
        IReadOnlyList<DependencyEntry> dependencies = [];
        IReadOnlyList<ServiceEntry> services = [];
        IReadOnlyList<SeedEntry> seeds = [];
        IReadOnlyList<ProfileEntry> profiles = [];
        SourceLocation? profilesKey = null;
        Located<string>? team = null;
        BudgetEntry? budget = null;
        IReadOnlyList<CheckEntry> checks = [];
        AlertsEntry? alerts = null;
        foreach (var (key, value) in reader.ReadMap(root, keyPath: string.Empty, TopLevelKeys))
        {
            switch (key.Value)
            {
                case "app":
                    app = reader.ReadText(value, key.Value);
                    break;
                case "dependencies":
                    dependencies = DependenciesSectionReader.Read(reader, value, key.Value);
                    break;
                case "services":
                    services = ServicesSectionReader.Read(reader, value, key.Value);
                    break;
                case "seed":
                    seeds = SeedSectionReader.Read(reader, value, key.Value);
                    break;
                case "profiles":
                    profiles = ProfilesSectionReader.Read(reader, value, key.Value);
                    profilesKey = key.Location;
                    break;
                case "team":
                    team = ReadTeam(reader, value, key.Value);
                    break;
                case "budget":
                    budget = BudgetSectionReader.Read(reader, key, value, key.Value);
                    break;
                case "checks":
                    checks = ChecksSectionReader.Read(reader, value, key.Value);
                    break;
                case "alerts":
                    alerts = AlertsSectionReader.Read(reader, key, value, key.Value);
                    break;
            }
        }

        return new PreviewManifest(path, app, dependencies, services)
        {
            Seeds = seeds,
            Profiles = profiles,
            ProfilesLocation = profilesKey,
            Team = team,
            Budget = budget,
            Checks = checks,
            Alerts = alerts,
        };
    }

    private static Located<string>? ReadTeam(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        var team = reader.ReadText(value, keyPath);
        if (team is { } name && !ResourceName.IsValid(name.Value))
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format("Text.Rule.Name"));
            return null;
        }

        return team;
    }
}
