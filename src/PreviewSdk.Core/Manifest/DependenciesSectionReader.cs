using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>Reads the <c>dependencies:</c> section of preview.yaml.</summary>
internal static class DependenciesSectionReader
{
    private const string TypeKey = "type";
    private const string DatabasesKey = "databases";
    private const string RuntimeKey = "runtime";
    private const string ImageKey = "image";

    // Keys any dependency may have; which of them a given type accepts is checked once the type is known,
    // because 'type' may come after 'databases' in the file.
    private static readonly string[] AnyTypeKeys = [TypeKey, DatabasesKey, RuntimeKey, ImageKey];

    public static IReadOnlyList<DependencyEntry> Read(ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var dependencies = new List<DependencyEntry>();
        foreach (var (name, body) in reader.ReadMap(section, sectionPath))
        {
            dependencies.Add(ReadDependency(reader, name, body, ManifestNodeReader.Child(sectionPath, name.Value)));
        }

        return dependencies;
    }

    private static DependencyEntry ReadDependency(
        ManifestNodeReader reader, Located<string> name, ManifestNode body, string path)
    {
        Located<string>? type = null;
        Located<string>? databasesKey = null;
        IReadOnlyList<Located<string>> databases = [];
        Located<string>? runtime = null;
        Located<string>? image = null;
        var hasTypeKey = false;
        foreach (var (key, value) in reader.ReadMap(body, path, AnyTypeKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            if (key.Value == TypeKey)
            {
                hasTypeKey = true;
                type = ReadType(reader, value, keyPath);
            }
            else if (key.Value == RuntimeKey)
            {
                runtime = RuntimeValueReader.Read(reader, value, keyPath, Profiles.DependencyRuntimes.ForDependencies);
            }
            else if (key.Value == ImageKey)
            {
                image = RuntimeValueReader.ReadImage(reader, value, keyPath);
            }
            else
            {
                databasesKey = key;
                databases = reader.ReadNameList(value, keyPath);
            }
        }

        if (!hasTypeKey)
        {
            reader.Diagnostics.Error(
                DiagnosticCodes.MissingRequiredKey, name.Location, path, TypeKey, string.Join(" | ", DependencyTypes.All));
        }

        if (type is { } known && databasesKey is { } misplaced && !DependencyTypes.HasDatabases(known.Value))
        {
            IReadOnlyList<string> allowed = [TypeKey, RuntimeKey, ImageKey];
            reader.Diagnostics.Error(
                DiagnosticCodes.UnknownKey,
                misplaced.Location,
                ManifestNodeReader.Child(path, misplaced.Value),
                string.Empty,
                DiagnosticFactory.NameList(allowed));
            databases = [];
        }

        return new DependencyEntry(name, type, databases) { Runtime = runtime, Image = image };
    }

    private static Located<string>? ReadType(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } type)
        {
            return null;
        }

        if (!DependencyTypes.All.Contains(type.Value, StringComparer.Ordinal))
        {
            reader.Diagnostics.Error(
                DiagnosticCodes.UnknownDependencyType,
                type.Location,
                type.Value,
                DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(type.Value, DependencyTypes.All)),
                DiagnosticFactory.NameList(DependencyTypes.All));
            return null;
        }

        return type;
    }
}
