namespace PreviewSdk.Core.Limits;

/// <summary>
/// The names PreviewSdk gives its cgroup folders: an environment id, a service name, a replica id. They come from
/// the environment's model, never from a user's path, but a name is checked before it becomes a folder so that no
/// value can climb out of PreviewSdk's folder.
/// </summary>
internal static class CgroupNames
{
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name is not ("." or "..") && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static string Check(string name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException($"'{name}' cannot name a cgroup: only letters, digits, '-', '_' and '.' are allowed.", nameof(name));
        }

        return name;
    }
}
