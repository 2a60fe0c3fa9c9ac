using System.Diagnostics;

namespace PreviewSdk.Core.Environments;

/// <summary>Who starts an environment: the git user name where git knows one, else the OS user.</summary>
public static class EnvironmentOwner
{
    /// <summary>Resolves the owner for a build run in <paramref name="directory"/>.</summary>
    public static string Resolve(string directory)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["config", "user.name"])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is not null)
            {
                var name = git.StandardOutput.ReadToEnd().Trim();
                git.WaitForExit();
                if (git.ExitCode == 0 && name.Length > 0)
                {
                    return name;
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: the OS user will do.
        }

        return Environment.UserName;
    }
}
