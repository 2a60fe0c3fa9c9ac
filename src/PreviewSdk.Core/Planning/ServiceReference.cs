namespace PreviewSdk.Core.Planning;

/// <summary>A resolved entry of a service's <c>uses</c>: the service gets its connection and waits for it.</summary>
/// <param name="Name">The name of the dependency, database or service.</param>
/// <param name="Kind">What the name refers to.</param>
public sealed record ServiceReference(string Name, ReferenceKind Kind);
