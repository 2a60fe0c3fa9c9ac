using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Profiles;

/// <summary>
/// Lays profile settings over each other, parent first: a later layer overrides an earlier one key by key (a
/// service's replicas, CPU, memory, each variable, each feature; a dependency's enabled, runtime, scale; the time
/// to live), and keeps what it does not set.
/// </summary>
internal sealed class ProfileMerge(TimeSpan timeToLive, RestartPolicy restart)
{
    private readonly Dictionary<string, ServiceLayer> services = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DependencyLayer> dependencies = new(StringComparer.Ordinal);
    private TimeSpan timeToLive = timeToLive;
    private RestartPolicy restart = restart;
    private string? environmentName;

    /// <summary>The built-in <c>lightweight</c>: one replica of every service, whatever <c>services:</c> declares.</summary>
    public void CapReplicasAtOne(IEnumerable<ServiceEntry> declared)
    {
        foreach (var service in declared.Where(s => s.Replicas is { Value: > 1 }))
        {
            Service(service.Name.Value).Replicas = 1;
        }
    }

    /// <summary>The <c>runtime:</c> each dependency declares under <c>dependencies:</c>: the bottom layer, under every profile.</summary>
    public void DeclareRuntimes(IEnumerable<DependencyEntry> declared)
    {
        foreach (var dependency in declared)
        {
            if (dependency.Runtime is { } runtime)
            {
                Dependency(dependency.Name.Value).Runtime = runtime.Value;
            }
        }
    }

    /// <summary>Lays <paramref name="entry"/>'s own settings (not its parent's) over what is here.</summary>
    public void Apply(ProfileEntry entry)
    {
        timeToLive = entry.TimeToLive?.Value ?? timeToLive;
        restart = entry.Restart?.ApplyTo(restart) ?? restart;
        environmentName = entry.EnvironmentName?.Value ?? environmentName;
        foreach (var setting in entry.Services)
        {
            var layer = Service(setting.Service.Value);
            layer.Replicas = setting.Replicas?.Value ?? layer.Replicas;
            layer.Cpus = setting.Cpus?.Value ?? layer.Cpus;
            layer.MemoryBytes = setting.MemoryBytes?.Value ?? layer.MemoryBytes;
            layer.Runtime = setting.Runtime?.Value ?? layer.Runtime;
            foreach (var variable in setting.Environment)
            {
                Set(layer.Environment, variable.Name.Value, variable.Value);
            }

            foreach (var feature in setting.Features)
            {
                Set(layer.Features, feature.Name.Value, feature.Enabled);
            }
        }

        foreach (var setting in entry.Dependencies)
        {
            var layer = Dependency(setting.Dependency.Value);
            layer.Enabled = setting.Enabled?.Value ?? layer.Enabled;
            layer.Runtime = setting.Runtime?.Value ?? layer.Runtime;
            layer.Scale = setting.Scale?.Value ?? layer.Scale;
            layer.Cpus = setting.Cpus?.Value ?? layer.Cpus;
            layer.MemoryBytes = setting.MemoryBytes?.Value ?? layer.MemoryBytes;
        }
    }

    public EffectiveProfile ToProfile(string name) => new(
        name,
        timeToLive,
        services.ToDictionary(
            pair => pair.Key,
            pair => new ServiceProfile(
                pair.Value.Replicas,
                new ResourceLimits(pair.Value.Cpus, pair.Value.MemoryBytes),
                pair.Value.Environment.ToArray(),
                pair.Value.Features.ToArray())
            {
                Runtime = pair.Value.Runtime ?? DependencyRuntimes.Local,
            },
            StringComparer.Ordinal),
        dependencies.ToDictionary(
            pair => pair.Key,
            pair => new DependencyProfile(pair.Value.Enabled ?? true, pair.Value.Runtime ?? DependencyRuntimes.Local, pair.Value.Scale ?? 1)
            {
                Limits = new ResourceLimits(pair.Value.Cpus, pair.Value.MemoryBytes),
            },
            StringComparer.Ordinal))
    {
        Restart = restart,
        EnvironmentName = environmentName,
    };

    private DependencyLayer Dependency(string name)
    {
        if (!dependencies.TryGetValue(name, out var layer))
        {
            dependencies[name] = layer = new DependencyLayer();
        }

        return layer;
    }

    private ServiceLayer Service(string name)
    {
        if (!services.TryGetValue(name, out var layer))
        {
            services[name] = layer = new ServiceLayer();
        }

        return layer;
    }

    // A redefined name keeps its place, so variables keep the order in which they were first written.
    private static void Set<T>(List<KeyValuePair<string, T>> list, string key, T value)
    {
        var index = list.FindIndex(pair => pair.Key == key);
        if (index >= 0)
        {
            list[index] = KeyValuePair.Create(key, value);
        }
        else
        {
            list.Add(KeyValuePair.Create(key, value));
        }
    }

    private sealed class ServiceLayer
    {
        public int? Replicas { get; set; }

        public double? Cpus { get; set; }

        public long? MemoryBytes { get; set; }

        public string? Runtime { get; set; }

        public List<KeyValuePair<string, string>> Environment { get; } = [];

        public List<KeyValuePair<string, bool>> Features { get; } = [];
    }

    private sealed class DependencyLayer
    {
        public bool? Enabled { get; set; }

        public string? Runtime { get; set; }

        public double? Scale { get; set; }

        public double? Cpus { get; set; }

        public long? MemoryBytes { get; set; }
    }
}
