namespace PreviewSdk.Core.Planning;

/// <summary>The kind of backing service a <see cref="DependencyPlan"/> runs.</summary>
public enum DependencyKind
{
    /// <summary>A PostgreSQL server, with zero or more databases.</summary>
    Postgres,

    /// <summary>A Redis server.</summary>
    Redis,
}
