using System.Text;
using System.Text.RegularExpressions;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// The rule for the names of the app, dependencies, databases and services, and how a name is derived from a
/// project file. The rule is the intersection of what DNS labels, Aspire resource names, container names and
/// environment-variable-friendly URLs accept, so one name works everywhere it ends up.
/// </summary>
public static partial class ResourceName
{
    /// <summary>The longest valid name: a DNS label's limit.</summary>
    public const int MaxLength = 63;

    /// <summary>
    /// Whether <paramref name="name"/> is valid: a lowercase letter, then up to 62 lowercase letters, digits or
    /// hyphens, with no <c>--</c> and no trailing hyphen.
    /// </summary>
    /// <param name="name">The name to check.</param>
    public static bool IsValid(string? name) =>
        name is not null && NamePattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal) && !name.EndsWith('-');

    /// <summary>
    /// The service name of a project: its file name without extension, lowercased, with '.', '_' and spaces
    /// turned into '-', repeated '-' collapsed and '-' trimmed (<c>Shop.Api.csproj</c> → <c>shop-api</c>).
    /// The result is not necessarily valid (<c>1Password.csproj</c>); check it with <see cref="IsValid"/>.
    /// </summary>
    /// <param name="projectPath">The project file path.</param>
    public static string FromProjectPath(string projectPath)
    {
        ArgumentNullException.ThrowIfNull(projectPath);
        return Normalize(Path.GetFileNameWithoutExtension(projectPath));
    }

    /// <summary>
    /// Applies the derivation of <see cref="FromProjectPath"/> to any text (a project name, say); leaves a valid
    /// name unchanged.
    /// </summary>
    /// <param name="text">The text to turn into a name.</param>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var character in text.ToLowerInvariant())
        {
            var mapped = character is '.' or '_' or ' ' ? '-' : character;
            if (mapped == '-' && (builder.Length == 0 || builder[^1] == '-'))
            {
                continue; // collapses runs and drops leading hyphens
            }

            builder.Append(mapped);
        }

        return builder.ToString().TrimEnd('-');
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
