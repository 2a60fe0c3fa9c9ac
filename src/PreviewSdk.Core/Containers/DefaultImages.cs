using PreviewSdk.Core.Planning;

namespace PreviewSdk.Core.Containers;

/// <summary>The images a dependency runs in a container unless its <c>image:</c> says otherwise: the official Docker Hub ones.</summary>
public static class DefaultImages
{
    /// <summary>PostgreSQL's official image (<c>docker.io/library/postgres</c>).</summary>
    public const string Postgres = "postgres:17";

    /// <summary>Redis's official image (<c>docker.io/library/redis</c>).</summary>
    public const string Redis = "redis:7";

    /// <summary>The default image of <paramref name="kind"/>.</summary>
    public static string For(DependencyKind kind) => kind switch
    {
        DependencyKind.Postgres => Postgres,
        DependencyKind.Redis => Redis,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown dependency kind."),
    };
}
