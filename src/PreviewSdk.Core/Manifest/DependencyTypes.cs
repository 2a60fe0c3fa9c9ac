namespace PreviewSdk.Core.Manifest;

/// <summary>The values <c>type:</c> accepts in a <c>dependencies:</c> entry.</summary>
public static class DependencyTypes
{
    /// <summary>A PostgreSQL server; may list <c>databases:</c>.</summary>
    public const string Postgres = "postgres";

    /// <summary>A Redis server.</summary>
    public const string Redis = "redis";

    /// <summary>Every supported type, in the order messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Postgres, Redis];

    /// <summary>Whether a dependency of this type can have a <c>databases:</c> list.</summary>
    /// <param name="type">A supported type.</param>
    public static bool HasDatabases(string type) => type == Postgres;
}
