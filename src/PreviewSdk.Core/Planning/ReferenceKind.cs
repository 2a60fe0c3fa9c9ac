namespace PreviewSdk.Core.Planning;

/// <summary>What a name in a service's <c>uses</c> refers to.</summary>
public enum ReferenceKind
{
    /// <summary>A backing service server (a <see cref="DependencyPlan"/>).</summary>
    Dependency,

    /// <summary>One database of a postgres dependency.</summary>
    Database,

    /// <summary>Another service of the environment.</summary>
    Service,
}
