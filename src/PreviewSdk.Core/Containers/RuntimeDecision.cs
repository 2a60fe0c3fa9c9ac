using System.Globalization;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Containers;

/// <summary>How one dependency or service of an environment runs, decided before anything starts.</summary>
/// <param name="Name">The dependency or service.</param>
/// <param name="Runtime"><see cref="DependencyRuntimes.Local"/> or <see cref="DependencyRuntimes.Container"/>: never <c>auto</c>, which is decided here.</param>
/// <param name="Image">The image it runs as a container (registry rewritten), or null when local.</param>
/// <param name="Reason">Why <c>auto</c> chose what it chose, or null when the runtime was asked for.</param>
public sealed record RuntimeDecision(string Name, string Runtime, string? Image, string? Reason)
{
    /// <summary>True when it runs in a container.</summary>
    public bool IsContainer => Runtime == DependencyRuntimes.Container;

    /// <summary>One line for people: <c>postgres: container localhost/library/postgres:15 (auto: the engine has the image)</c>.</summary>
    public string Describe() =>
        (IsContainer ? $"{Name}: container {Image}" : $"{Name}: local binaries")
        + (Reason is null ? string.Empty : $" (auto: {Reason})");
}

/// <summary>
/// Every decision of an environment, and how they travel from the build to the app host: the variable
/// <see cref="Variable"/>, <c>postgres=container;cache=local</c>.
/// </summary>
/// <param name="Decisions">One per dependency that runs and per service built into an image.</param>
/// <param name="Engine">The engine the containers run on, or null when nothing runs in a container.</param>
public sealed record RuntimeDecisions(IReadOnlyList<RuntimeDecision> Decisions, ContainerEngine? Engine)
{
    /// <summary>The variable of the app host that carries the decisions.</summary>
    public const string Variable = "PREVIEW_RUNTIMES";

    /// <summary>The variable of the app host that carries <c>PreviewContainerRegistry</c>.</summary>
    public const string RegistryVariable = "PREVIEW_CONTAINER_REGISTRY";

    /// <summary>Nothing runs in a container.</summary>
    public static RuntimeDecisions AllLocal { get; } = new([], null);

    /// <summary>Whether anything runs in a container.</summary>
    public bool UsesContainers => Decisions.Any(d => d.IsContainer);

    /// <summary>The decision for <paramref name="name"/>, or null when none was made (it runs locally).</summary>
    public RuntimeDecision? Of(string name) => Decisions.FirstOrDefault(d => d.Name == name);

    /// <summary>The value of <see cref="Variable"/>: <c>name=runtime</c>, with <c>|image</c> for a container, separated by <c>;</c>.</summary>
    public string Serialize() => string.Join(';', Decisions.Select(d => d.IsContainer ? $"{d.Name}={d.Runtime}|{d.Image}" : $"{d.Name}={d.Runtime}"));

    /// <summary>Reads <see cref="Variable"/>'s value: the decisions by name (without reasons, which stay with the build).</summary>
    public static IReadOnlyDictionary<string, RuntimeDecision> Parse(string? value) =>
        (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (Name: parts[0], Value: parts[1].Split('|', 2)))
            .ToDictionary(
                entry => entry.Name,
                entry => new RuntimeDecision(entry.Name, entry.Value[0], entry.Value.Length == 2 ? entry.Value[1] : null, null),
                StringComparer.Ordinal);

    /// <summary>The lines <c>-t:Preview</c> prints before it starts, when anything could have run in a container.</summary>
    public IEnumerable<string> Describe() =>
        Decisions.Select(d => "  " + d.Describe())
            .Prepend(Engine is null ? "Runtimes:" : string.Create(CultureInfo.InvariantCulture, $"Runtimes ({Engine.Describe()}):"));
}
