namespace PreviewSdk.Core.Planning;

/// <summary>A backing service the environment runs.</summary>
/// <param name="Name">The resource name (the key under <c>dependencies:</c>).</param>
/// <param name="Kind">What runs.</param>
/// <param name="Databases">The databases to create on a postgres server, in preview.yaml order; empty for others.</param>
public sealed record DependencyPlan(string Name, DependencyKind Kind, IReadOnlyList<string> Databases);
