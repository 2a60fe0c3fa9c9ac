namespace PreviewSdk.Core.Environments;

/// <summary>Where the machine's environments keep their state folders.</summary>
public static class StateRoot
{
    /// <summary>The environment variable that overrides the default root (the PreviewStateRoot property wins over it).</summary>
    public const string Variable = "PREVIEW_STATE_ROOT";

    /// <summary>
    /// <paramref name="explicitRoot"/> when given; else <c>$PREVIEW_STATE_ROOT</c>; else
    /// <c>$XDG_STATE_HOME/previewsdk</c>; else <c>~/.local/state/previewsdk</c> (on Windows, local app data).
    /// </summary>
    public static string Resolve(string? explicitRoot)
    {
        if (!string.IsNullOrWhiteSpace(explicitRoot))
        {
            return Path.GetFullPath(explicitRoot);
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromVariable)
        {
            return Path.GetFullPath(fromVariable);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "PreviewSdk");
        }

        var stateHome = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            // DoNotVerify: a HOME that does not exist yet (CI and service accounts) must not become "" and so a
            // root relative to the build's working directory.
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".local", "state");
        return Path.Combine(stateHome, "previewsdk");
    }
}
