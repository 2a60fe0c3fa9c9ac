using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Planning;

/// <summary>A backing service the environment runs.</summary>
/// <param name="Name">The resource name (the key under <c>dependencies:</c>).</param>
/// <param name="Kind">What runs.</param>
/// <param name="Databases">The databases to create on a postgres server, in preview.yaml order; empty for others.</param>
public sealed record DependencyPlan(string Name, DependencyKind Kind, IReadOnlyList<string> Databases)
{
    /// <summary>
    /// The image a container of it runs, as preview.yaml's <c>image:</c> names it, else the kind's default
    /// (<see cref="DefaultImages"/>); <c>PreviewContainerRegistry</c> may still change its registry.
    /// </summary>
    public string Image { get; init; } = DefaultImages.For(Kind);
}
