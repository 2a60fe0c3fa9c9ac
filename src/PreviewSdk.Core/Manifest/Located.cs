using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// A value read from preview.yaml together with where it was written, so a later check (a name used by
/// nothing, a cycle) can still point at the exact line and column.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Location">Where the value (or, for a map key, the key) starts.</param>
public readonly record struct Located<T>(T Value, SourceLocation Location);
