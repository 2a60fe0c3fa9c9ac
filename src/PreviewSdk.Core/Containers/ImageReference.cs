using System.Text.RegularExpressions;

namespace PreviewSdk.Core.Containers;

/// <summary>
/// A container image named with its tag, split as Docker splits it: <c>postgres:17</c> is
/// <c>docker.io</c> / <c>library/postgres</c> : <c>17</c>. The registry part is what <c>PreviewContainerRegistry</c>
/// rewrites for a mirror.
/// </summary>
/// <param name="Registry">The registry host (with port), e.g. <c>docker.io</c>, <c>localhost:5000</c>.</param>
/// <param name="Repository">The path in the registry, e.g. <c>library/postgres</c>.</param>
/// <param name="Tag">The tag, e.g. <c>17</c>.</param>
public sealed partial record ImageReference(string Registry, string Repository, string Tag)
{
    /// <summary>Docker Hub, where a name without registry comes from.</summary>
    public const string DefaultRegistry = "docker.io";

    /// <summary>What a valid <c>image:</c> looks like, for messages.</summary>
    public const string Rule = "an image with its tag, such as postgres:17, redis:7 or registry.example.com/team/postgres:17.2 (lower-case name, tag of letters, digits, '.', '_', '-')";

    /// <summary>The full name: <c>docker.io/library/postgres:17</c>.</summary>
    public override string ToString() => $"{Registry}/{Repository}:{Tag}";

    /// <summary>The same image from another registry (a mirror): only the registry part changes.</summary>
    /// <param name="registry">A registry host such as <c>mirror.example.com</c> or <c>localhost:5000</c>; null or empty keeps this one.</param>
    public ImageReference WithRegistry(string? registry) =>
        string.IsNullOrEmpty(registry) ? this : this with { Registry = registry.TrimEnd('/') };

    /// <summary>Reads <paramref name="text"/>; false when it is no image name with a tag.</summary>
    public static bool TryParse(string? text, out ImageReference image)
    {
        image = null!;
        if (string.IsNullOrWhiteSpace(text) || !ImagePattern().IsMatch(text))
        {
            return false;
        }

        var colon = text.LastIndexOf(':');
        var name = text[..colon];
        var tag = text[(colon + 1)..];
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : name[..slash];
        if (slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"))
        {
            image = new ImageReference(first, name[(slash + 1)..], tag);
        }
        else
        {
            image = new ImageReference(DefaultRegistry, slash < 0 ? $"library/{name}" : name, tag);
        }

        return true;
    }

    /// <summary>Reads <paramref name="registry"/> as a registry host; false when it is not one.</summary>
    public static bool IsValidRegistry(string registry) => RegistryPattern().IsMatch(registry);

    // [registry[:port]/]path:tag, lower-case path components; the tag is required (an image without one is a moving
    // target: the environment of tomorrow would not run what today's ran).
    [GeneratedRegex(@"^([a-zA-Z0-9.-]+(:[0-9]+)?/)?[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*/?$")]
    private static partial Regex RegistryPattern();
}
