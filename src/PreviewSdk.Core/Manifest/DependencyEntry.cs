namespace PreviewSdk.Core.Manifest;

/// <summary>One entry of <c>dependencies:</c>: a backing service the environment runs.</summary>
/// <param name="Name">The key, which is the resource name.</param>
/// <param name="Type">The <c>type:</c>, one of <see cref="DependencyTypes.All"/>; null when missing or unknown (already reported).</param>
/// <param name="Databases">The <c>databases:</c> of a postgres dependency, in file order; empty otherwise.</param>
public sealed record DependencyEntry(
    Located<string> Name,
    Located<string>? Type,
    IReadOnlyList<Located<string>> Databases);
