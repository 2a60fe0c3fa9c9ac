using System.Globalization;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads the <c>profiles:</c> section of preview.yaml: shapes and values, and the <c>extends:</c> chains (unknown
/// parents, cycles), which need no more than the section itself. Service and dependency names are the planner's.
/// </summary>
internal static class ProfilesSectionReader
{
    private static readonly string[] ProfileKeys = ["extends", "ttl", "environment", "restart", "services", "dependencies"];
    private static readonly string[] ServiceKeys = ["replicas", "cpu", "memory", "env", "features", "runtime"];
    private static readonly string[] DependencyKeys = ["enabled", "runtime", "scale", "cpu", "memory"];

    public static IReadOnlyList<ProfileEntry> Read(ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var profiles = new List<ProfileEntry>();
        foreach (var (name, body) in reader.ReadMap(section, sectionPath))
        {
            if (!ResourceName.IsValid(name.Value))
            {
                reader.Diagnostics.Error(
                    DiagnosticCodes.InvalidValue, name.Location, sectionPath, name.Value, DiagnosticFactory.Format("Text.Rule.ProfileName"));
            }

            profiles.Add(ReadProfile(reader, name, body, ManifestNodeReader.Child(sectionPath, name.Value)));
        }

        ProfileChains.Report(profiles, reader.Diagnostics);
        return profiles;
    }

    private static ProfileEntry ReadProfile(ManifestNodeReader reader, Located<string> name, ManifestNode body, string path)
    {
        Located<string>? extends = null;
        Located<TimeSpan>? timeToLive = null;
        RestartEntry? restart = null;
        Located<string>? environmentName = null;
        IReadOnlyList<ServiceProfileEntry> services = [];
        IReadOnlyList<DependencyProfileEntry> dependencies = [];
        foreach (var (key, value) in reader.ReadMap(body, path, ProfileKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            switch (key.Value)
            {
                case "extends":
                    extends = reader.ReadText(value, keyPath);
                    break;
                case "ttl":
                    timeToLive = ReadTimeToLive(reader, value, keyPath);
                    break;
                case "restart":
                    restart = RestartSectionReader.Read(reader, value, keyPath);
                    break;
                case "environment":
                    environmentName = ReadEnvironmentName(reader, value, keyPath);
                    break;
                case "services":
                    services = reader.ReadMap(value, keyPath)
                        .Select(entry => ReadService(reader, entry.Key, entry.Value, ManifestNodeReader.Child(keyPath, entry.Key.Value)))
                        .ToList();
                    break;
                case "dependencies":
                    dependencies = reader.ReadMap(value, keyPath)
                        .Select(entry => ReadDependency(reader, entry.Key, entry.Value, ManifestNodeReader.Child(keyPath, entry.Key.Value)))
                        .ToList();
                    break;
            }
        }

        return new ProfileEntry(name, extends, timeToLive, services, dependencies) { EnvironmentName = environmentName, Restart = restart };
    }

    private static ServiceProfileEntry ReadService(ManifestNodeReader reader, Located<string> name, ManifestNode body, string path)
    {
        Located<int>? replicas = null;
        Located<double>? cpus = null;
        Located<long>? memory = null;
        IReadOnlyList<EnvironmentVariableEntry> environment = [];
        IReadOnlyList<FeatureFlagEntry> features = [];
        Located<string>? runtime = null;
        foreach (var (key, value) in reader.ReadMap(body, path, ServiceKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            switch (key.Value)
            {
                case "replicas":
                    replicas = reader.ReadReplicas(value, keyPath);
                    break;
                case "cpu":
                    cpus = ReadCpus(reader, value, keyPath);
                    break;
                case "memory":
                    memory = ReadMemory(reader, value, keyPath);
                    break;
                case "env":
                    environment = ServicesSectionReader.ReadEnvironment(reader, value, keyPath);
                    break;
                case "features":
                    features = ReadFeatures(reader, value, keyPath);
                    break;
                case "runtime":
                    runtime = RuntimeValueReader.Read(reader, value, keyPath, DependencyRuntimes.ForServices);
                    break;
            }
        }

        return new ServiceProfileEntry(name, replicas, cpus, memory, environment, features) { Runtime = runtime };
    }

    private static DependencyProfileEntry ReadDependency(ManifestNodeReader reader, Located<string> name, ManifestNode body, string path)
    {
        Located<bool>? enabled = null;
        Located<string>? runtime = null;
        Located<double>? scale = null;
        Located<double>? cpus = null;
        Located<long>? memory = null;
        foreach (var (key, value) in reader.ReadMap(body, path, DependencyKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            switch (key.Value)
            {
                case "enabled":
                    enabled = reader.ReadBoolean(value, keyPath);
                    break;
                case "runtime":
                    runtime = RuntimeValueReader.Read(reader, value, keyPath, DependencyRuntimes.ForDependencies);
                    break;
                case "scale":
                    scale = SeedSectionReader.ReadScaleFactor(reader, value, keyPath);
                    break;
                case "cpu":
                    cpus = ReadCpus(reader, value, keyPath);
                    break;
                case "memory":
                    memory = ReadMemory(reader, value, keyPath);
                    break;
            }
        }

        return new DependencyProfileEntry(name, enabled, runtime, scale) { Cpus = cpus, MemoryBytes = memory };
    }

    /// <summary>A host environment name (<c>Staging</c>): what ASP.NET Core compares with IsDevelopment() and the like.</summary>
    private static Located<string>? ReadEnvironmentName(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } text)
        {
            return null;
        }

        // appsettings.{name}.json is looked up by this name, so it has to be a plain file-name part.
        if (text.Value.Length is 0 or > 64 || !text.Value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format("Text.Rule.HostEnvironment"));
            return null;
        }

        return text;
    }

    private static Located<TimeSpan>? ReadTimeToLive(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } text)
        {
            return null;
        }

        if (!DurationText.TryParse(text.Value, out var duration) || duration < DurationText.Minimum || duration > DurationText.Maximum)
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format("Text.Rule.TimeToLive"));
            return null;
        }

        return new Located<TimeSpan>(duration, text.Location);
    }

    private static Located<double>? ReadCpus(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } text)
        {
            return null;
        }

        if (!ResourceLimitsParser.TryParseCpus(text.Value, out var cpus))
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, ResourceLimitsParser.CpuRule);
            return null;
        }

        return new Located<double>(cpus, text.Location);
    }

    private static Located<long>? ReadMemory(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } text)
        {
            return null;
        }

        if (!ResourceLimitsParser.TryParseMemory(text.Value, out var bytes))
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, ResourceLimitsParser.MemoryRule);
            return null;
        }

        return new Located<long>(bytes, text.Location);
    }

    private static IReadOnlyList<FeatureFlagEntry> ReadFeatures(ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var features = new List<FeatureFlagEntry>();
        foreach (var (name, value) in reader.ReadMap(section, sectionPath))
        {
            // The name becomes part of a variable name (FeatureManagement__<name>) and a configuration key.
            if (name.Value.Length == 0 || !name.Value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                reader.Diagnostics.Error(
                    DiagnosticCodes.InvalidValue, name.Location, sectionPath, name.Value, DiagnosticFactory.Format("Text.Rule.FeatureName"));
                continue;
            }

            if (reader.ReadBoolean(value, ManifestNodeReader.Child(sectionPath, name.Value)) is { } enabled)
            {
                features.Add(new FeatureFlagEntry(name, enabled.Value));
            }
        }

        return features;
    }
}
