using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// Pairs the ProjectReferences with the <c>services:</c> entries of preview.yaml and settles every service's
/// name. Every runnable reference is a service whether listed or not; an entry matches a reference by
/// <c>project:</c> (its file name) or else by its key (the name derived from the file name).
/// </summary>
internal sealed class ServiceBinder(
    IReadOnlyList<ServiceProject> projects, ProjectReferenceLocator locator, DiagnosticBag diagnostics)
{
    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    private readonly ServiceEntry?[] entryOfProject = new ServiceEntry?[projects.Count];

    /// <summary>The services, in ProjectReference order.</summary>
    /// <param name="entries">The <c>services:</c> entries whose keys are valid names (invalid ones were reported).</param>
    public IReadOnlyList<BoundService> Bind(IEnumerable<ServiceEntry> entries)
    {
        ReportProjectsThatCannotRun();

        // project: first, so an explicit mapping wins over a key that happens to equal a derived name.
        var entryList = entries.ToList();
        foreach (var entry in entryList.Where(e => e.Project is not null))
        {
            BindByProject(entry, entry.Project!.Value);
        }

        foreach (var entry in entryList.Where(e => e.Project is null))
        {
            BindByName(entry);
        }

        return BoundServices();
    }

    private void ReportProjectsThatCannotRun()
    {
        foreach (var project in projects.Where(p => !p.IsRunnable))
        {
            diagnostics.Error(
                DiagnosticCodes.ProjectNotRunnable, locator.Locate(project.ProjectPath), Path.GetFileName(project.ProjectPath));
        }

        if (!projects.Any(p => p.IsRunnable))
        {
            // The preview project itself, not preview.yaml, is what lacks the references.
            diagnostics.Error(DiagnosticCodes.NoRunnableServices, SourceLocation.WholeFile(locator.PreviewProjectPath));
        }

        ReportClashingProjectClasses();
    }

    // Aspire generates one Projects.<name> class per project file name: two Api.csproj in different folders get one
    // class, and one service would silently run the other's project.
    private void ReportClashingProjectClasses()
    {
        var clashes = projects
            .Where(p => p.IsRunnable)
            .GroupBy(p => Generation.ProjectMetadataTypeName.For(p.ProjectPath), StringComparer.Ordinal)
            .Where(group => group.Select(p => p.ProjectPath).Distinct(StringComparer.Ordinal).Count() > 1);
        foreach (var clash in clashes)
        {
            var first = clash.First();
            foreach (var other in clash.Skip(1).Where(p => p.ProjectPath != first.ProjectPath))
            {
                diagnostics.Error(DiagnosticCodes.ProjectClassClash, locator.Locate(other.ProjectPath),
                    other.ProjectPath, first.ProjectPath, clash.Key);
            }
        }
    }

    private void BindByProject(ServiceEntry entry, Located<string> project)
    {
        var wanted = ProjectStem(project.Value);
        var matches = Indexes(i => string.Equals(FileStem(projects[i]), wanted, StringComparison.OrdinalIgnoreCase));
        if (matches.Count == 0)
        {
            var known = projects.Where(p => p.IsRunnable).Select(FileStem).ToList();
            diagnostics.Error(
                DiagnosticCodes.UnmatchedService,
                project.Location,
                project.Value,
                $"services.{entry.Name.Value}.project",
                DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(wanted, known)),
                DiagnosticFactory.NameList(known));
            return;
        }

        Assign(entry, matches);
    }

    private void BindByName(ServiceEntry entry)
    {
        var matches = Indexes(i => ResourceName.FromProjectPath(projects[i].ProjectPath) == entry.Name.Value);
        if (matches.Count == 0)
        {
            var known = Indexes(i => projects[i].IsRunnable && entryOfProject[i]?.Project is null)
                .Select(i => ResourceName.FromProjectPath(projects[i].ProjectPath))
                .ToList();
            diagnostics.Error(
                DiagnosticCodes.UnmatchedService,
                entry.Name.Location,
                entry.Name.Value,
                "services",
                DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(entry.Name.Value, known)),
                DiagnosticFactory.NameList(known));
            return;
        }

        Assign(entry, matches);
    }

    private void Assign(ServiceEntry entry, IReadOnlyList<int> matches)
    {
        // Of several projects with the same file name, each entry takes the next one still free.
        var free = matches.Where(i => entryOfProject[i] is null).Cast<int?>().FirstOrDefault();
        if (free is { } index)
        {
            entryOfProject[index] = entry;
            return;
        }

        var taken = matches[0];
        var location = entry.Project?.Location ?? entry.Name.Location;
        diagnostics.Error(
            DiagnosticCodes.ProjectMappedTwice,
            location,
            $"services.{entry.Name.Value}",
            Path.GetFileName(projects[taken].ProjectPath),
            $"services.{entryOfProject[taken]!.Name.Value}");
    }

    private List<BoundService> BoundServices()
    {
        var bound = new List<BoundService>();
        for (var i = 0; i < projects.Count; i++)
        {
            var project = projects[i];
            if (!project.IsRunnable)
            {
                continue; // reported; a listed entry for it is simply not used
            }

            if (entryOfProject[i] is { } entry)
            {
                bound.Add(new BoundService(project, entry.Name.Value, entry.Name.Location, entry));
                continue;
            }

            var derived = ResourceName.FromProjectPath(project.ProjectPath);
            var location = locator.Locate(project.ProjectPath);
            if (!ResourceName.IsValid(derived))
            {
                diagnostics.Error(
                    DiagnosticCodes.InvalidValue,
                    location,
                    DiagnosticFactory.Format("Text.Subject.DerivedServiceName", Path.GetFileName(project.ProjectPath)),
                    derived,
                    DiagnosticFactory.Format("Text.Rule.DerivedServiceName", FileStem(project)));
            }

            bound.Add(new BoundService(project, derived, location, null));
        }

        return bound;
    }

    private List<int> Indexes(Func<int, bool> predicate) =>
        Enumerable.Range(0, projects.Count).Where(predicate).ToList();

    private static string FileStem(ServiceProject project) => Path.GetFileNameWithoutExtension(project.ProjectPath);

    /// <summary><c>project:</c> may be written with folders or extension; only the file name counts.</summary>
    private static string ProjectStem(string value)
    {
        var fileName = Path.GetFileName(value.Replace('\\', '/'));
        var extension = ProjectExtensions.FirstOrDefault(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        return extension is null ? fileName : fileName[..^extension.Length];
    }
}
