namespace PreviewSdk.Core.Binaries;

/// <summary>
/// Decides which OS account runs a backing service. PostgreSQL refuses to run as root, so when the build runs as
/// root (CI containers, dev boxes) the server runs as an unprivileged account through <c>runuser</c>.
/// </summary>
public sealed record ServiceAccount(string? UserName, int UserId, int GroupId)
{
    /// <summary>Whether the current process runs as root.</summary>
    public static bool CurrentIsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    /// <summary>
    /// The account to run PostgreSQL as: null when the current user is not root (run as oneself), else the
    /// <c>postgres</c> account when it exists, else <c>nobody</c>.
    /// </summary>
    public static ServiceAccount? ForPostgres(string passwdPath = "/etc/passwd")
    {
        if (!CurrentIsRoot)
        {
            return null;
        }

        var accounts = File.Exists(passwdPath) ? ReadAccounts(passwdPath) : [];
        return accounts.FirstOrDefault(a => a.UserName == "postgres")
            ?? accounts.FirstOrDefault(a => a.UserName == "nobody")
            ?? throw new InvalidOperationException("Neither a 'postgres' nor a 'nobody' account exists to run PostgreSQL as a non-root user.");
    }

    private static List<ServiceAccount> ReadAccounts(string passwdPath)
    {
        var accounts = new List<ServiceAccount>();
        foreach (var line in File.ReadLines(passwdPath))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && int.TryParse(fields[2], out var uid) && int.TryParse(fields[3], out var gid))
            {
                accounts.Add(new ServiceAccount(fields[0], uid, gid));
            }
        }

        return accounts;
    }
}
