namespace PreviewSdk.Core.Manifest;

/// <summary>One entry of <c>dependencies:</c>: a backing service the environment runs.</summary>
/// <param name="Name">The key, which is the resource name.</param>
/// <param name="Type">The <c>type:</c>, one of <see cref="DependencyTypes.All"/>; null when missing or unknown (already reported).</param>
/// <param name="Databases">The <c>databases:</c> of a postgres dependency, in file order; empty otherwise.</param>
public sealed record DependencyEntry(
    Located<string> Name,
    Located<string>? Type,
    IReadOnlyList<Located<string>> Databases)
{
    /// <summary>The <c>runtime:</c> (<c>local</c>, <c>container</c>, <c>auto</c>), or null for the default (local); a profile may override it.</summary>
    public Located<string>? Runtime { get; init; }

    /// <summary>The <c>image:</c> a container of it runs, with its tag, or null for the type's default (<c>postgres:17</c>, <c>redis:7</c>).</summary>
    public Located<string>? Image { get; init; }
}
