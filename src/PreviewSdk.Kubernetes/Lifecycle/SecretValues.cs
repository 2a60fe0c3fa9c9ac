using System.Text.RegularExpressions;
using k8s.Models;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Kubernetes.Rendering;

namespace PreviewSdk.Kubernetes.Lifecycle;

/// <summary>
/// Fills the rendered <see cref="SecretPlan"/>s when an environment is applied: one new random password per
/// dependency (the same in every Secret that names it), a new access token, and the build's variables an external
/// dependency's credentials come from; a missing variable is PREVIEW7006, found before anything is applied.
/// </summary>
public static partial class SecretValues
{
    /// <summary>The Secrets, or null after reporting every missing variable.</summary>
    public static IReadOnlyList<V1Secret>? Fill(
        RenderedEnvironment environment, Func<string, string?> variables, SourceLocation location, DiagnosticBag diagnostics, IDictionary<string, string>? generated = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(diagnostics);
        generated ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var secrets = new List<V1Secret>();
        foreach (var plan in environment.Secrets)
        {
            var data = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, template) in plan.Entries)
            {
                data[key] = Placeholder().Replace(template, match =>
                {
                    var (kind, argument) = (match.Groups["kind"].Value, match.Groups["argument"].Value);
                    if (kind == "env")
                    {
                        var value = variables(argument);
                        if (string.IsNullOrEmpty(value))
                        {
                            missing.Add(argument);
                        }

                        return value ?? string.Empty;
                    }

                    var slot = kind == "token" ? "token" : "password:" + argument;
                    if (!generated.TryGetValue(slot, out var secret))
                    {
                        secret = AccessTokenFile.NewToken();
                        generated[slot] = secret;
                    }

                    return secret;
                });
            }

            secrets.Add(new V1Secret
            {
                ApiVersion = "v1",
                Kind = "Secret",
                Type = "Opaque",
                Metadata = new V1ObjectMeta
                {
                    Name = plan.Name,
                    NamespaceProperty = environment.Namespace,
                    Labels = new SortedDictionary<string, string>(environment.Objects[0].Metadata.Labels.Where(label => label.Key is Naming.ClusterLabels.ManagedBy or Naming.ClusterLabels.App or Naming.ClusterLabels.Environment).ToDictionary(), StringComparer.Ordinal),
                },
                StringData = data,
            });
        }

        foreach (var variable in missing)
        {
            var dependency = environment.Secrets.SelectMany(plan => plan.Entries).First(entry => entry.Value.Contains(variable, StringComparison.Ordinal)).Key;
            diagnostics.Error(DiagnosticCodes.ExternalCredentialMissing, location, dependency, variable);
        }

        return missing.Count > 0 ? null : secrets;
    }

    [GeneratedRegex(@"\$\{(?<kind>password|token|env)(:(?<argument>[A-Za-z0-9_.-]+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
