using System.Text;
using PreviewSdk.Core.Inputs;

namespace PreviewSdk.Core.Environments;

/// <summary>Names environments: by default after the git branch, sanitised into a valid resource-like name.</summary>
public static class EnvironmentNames
{
    /// <summary>The name used outside a git work tree (or on a detached HEAD).</summary>
    public const string Fallback = "local";

    private const int MaxLength = 40;

    /// <summary>
    /// The environment name: <paramref name="explicitName"/> when given (sanitised), else the git branch of
    /// <paramref name="directory"/> (sanitised), else <see cref="Fallback"/>.
    /// </summary>
    public static string Resolve(string? explicitName, string directory)
    {
        if (!string.IsNullOrWhiteSpace(explicitName))
        {
            return Sanitize(explicitName);
        }

        return GitBranch(directory) is { } branch ? Sanitize(branch) : Fallback;
    }

    /// <summary>
    /// Lowercase letters, digits and single hyphens, starting with a letter, at most 40 characters:
    /// <c>feature/Cart_v2</c> → <c>feature-cart-v2</c>. Empty results become <see cref="Fallback"/>.
    /// </summary>
    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length);
        foreach (var character in name.Trim().ToLowerInvariant())
        {
            var next = char.IsAsciiLetterOrDigit(character) ? character : '-';
            if (next == '-' && (text.Length == 0 || text[^1] == '-'))
            {
                continue;
            }

            text.Append(next);
        }

        var sanitized = text.ToString().Trim('-');
        if (sanitized.Length == 0)
        {
            return Fallback;
        }

        if (!char.IsAsciiLetter(sanitized[0]))
        {
            sanitized = "env-" + sanitized;
        }

        return sanitized.Length <= MaxLength ? sanitized : sanitized[..MaxLength].TrimEnd('-');
    }

    /// <summary>
    /// The current branch of the git work tree holding <paramref name="directory"/>, read from <c>.git/HEAD</c>
    /// (no git process, so it works where git is not installed); null outside git or on a detached HEAD.
    /// </summary>
    public static string? GitBranch(string directory)
    {
        if (GitHead(directory) is not { } head)
        {
            return null;
        }

        const string prefix = "ref: refs/heads/";
        return head.Content.StartsWith(prefix, StringComparison.Ordinal) ? head.Content[prefix.Length..] : null;
    }

    /// <summary>
    /// The commit checked out in the git work tree holding <paramref name="directory"/> (its full hash), read from
    /// <c>HEAD</c>, the branch's ref file or <c>packed-refs</c>; null outside git or before the first commit.
    /// </summary>
    public static string? GitCommit(string directory)
    {
        if (GitHead(directory) is not { } head)
        {
            return null;
        }

        const string prefix = "ref: ";
        if (!head.Content.StartsWith(prefix, StringComparison.Ordinal))
        {
            return IsHash(head.Content) ? head.Content : null;
        }

        var reference = head.Content[prefix.Length..].Trim();
        // A linked work tree keeps HEAD in its own folder and refs in the common one.
        var commonFile = Path.Combine(head.GitDirectory, "commondir");
        var common = SmallFileText(commonFile) is { } commonDirectory ? Path.GetFullPath(Path.Combine(head.GitDirectory, commonDirectory)) : head.GitDirectory;
        foreach (var root in new[] { head.GitDirectory, common })
        {
            var loose = Path.Combine(root, reference);
            if (SmallFileText(loose) is { } hash && IsHash(hash))
            {
                return hash;
            }
        }

        var packed = InputFile.Read(Path.Combine(common, "packed-refs"), maxBytes: 64L << 20).Text;
        return packed is not null
            ? packed.Split('\n').Select(line => line.Split(' ', 2)).Where(parts => parts.Length == 2 && parts[1].Trim() == reference && IsHash(parts[0])).Select(parts => parts[0]).FirstOrDefault()
            : null;
    }

    private static bool IsHash(string text) => text.Length is 40 or 64 && text.All(char.IsAsciiHexDigitLower);

    private static (string GitDirectory, string Content)? GitHead(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var dotGit = Path.Combine(current.FullName, ".git");
            var gitDirectory = Directory.Exists(dotGit) ? dotGit : File.Exists(dotGit) ? LinkedGitDirectory(dotGit, current.FullName) : null;
            if (gitDirectory is null)
            {
                continue;
            }

            var content = SmallFileText(Path.Combine(gitDirectory, "HEAD"));
            return content is null ? null : (gitDirectory, content);
        }

        return null;
    }

    // A worktree or submodule has a .git file saying "gitdir: <path>".
    private static string? LinkedGitDirectory(string dotGitFile, string workTree)
    {
        var line = SmallFileText(dotGitFile);
        const string prefix = "gitdir:";
        return line is not null && line.StartsWith(prefix, StringComparison.Ordinal)
            ? Path.GetFullPath(Path.Combine(workTree, line[prefix.Length..].Trim()))
            : null;
    }

    // git's own files are tiny; through InputFile, so a FIFO or a device in their place cannot hang the build.
    private static string? SmallFileText(string path) => InputFile.Read(path, maxBytes: 64 * 1024).Text?.Trim();
}
