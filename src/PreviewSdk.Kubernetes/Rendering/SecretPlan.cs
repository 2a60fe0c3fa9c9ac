namespace PreviewSdk.Kubernetes.Rendering;

/// <summary>
/// A Secret the environment needs whose values must not be rendered: passwords, the access token and the connection
/// strings that hold them. The manifests refer to it by name and key; <c>-t:Preview</c> creates it, filling the
/// templates, before it applies the rest. Rendered files (for review or GitOps) therefore never carry a secret and
/// stay the same bytes for the same input.
/// </summary>
/// <param name="Name">The Secret's name.</param>
/// <param name="Entries">Each key's template (sorted by key): literal text with <see cref="SecretTemplate"/> placeholders.</param>
public sealed record SecretPlan(string Name, IReadOnlyDictionary<string, string> Entries);

/// <summary>The placeholders of a <see cref="SecretPlan"/> entry, filled when the Secret is created.</summary>
public static class SecretTemplate
{
    /// <summary>A new random password for <paramref name="dependency"/>, the same in every entry that names it.</summary>
    public static string Password(string dependency) => $"${{password:{dependency}}}";

    /// <summary>A new access token for the gateway.</summary>
    public const string Token = "${token}";

    /// <summary>The value of the build's environment variable <paramref name="variable"/> (an external dependency's credential).</summary>
    public static string Variable(string variable) => $"${{env:{variable}}}";
}
