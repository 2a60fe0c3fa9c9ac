namespace PreviewSdk.Core.Manifest;

/// <summary>One <c>env:</c> variable of a service.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The value exactly as written (<c>20</c>, <c>true</c>, text); empty for a YAML null.</param>
public sealed record EnvironmentVariableEntry(Located<string> Name, string Value);
