using System.Diagnostics;

namespace PreviewSdk.Seeding.Tests.Migrations;

/// <summary>
/// A temp folder for one test: SQL migration files under <c>migrations/</c>, optionally a git repository around
/// them, and the root the test's scratch servers live under (which must be empty again after every check).
/// </summary>
internal sealed class MigrationFolder : IDisposable
{
    public MigrationFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "previewsdk-migration-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Migrations);
    }

    public string Root { get; }

    public string Migrations => Path.Combine(Root, "repo", "migrations");

    public string ScratchRoot => Path.Combine(Root, "scratch");

    /// <summary>Writes a migration file and returns its path.</summary>
    public string Write(string fileName, string sql)
    {
        var path = Path.Combine(Migrations, fileName);
        File.WriteAllText(path, sql);
        return path;
    }

    /// <summary>Runs git in the repository folder and returns its output.</summary>
    public string Git(params string[] arguments) => GitIn(Path.Combine(Root, "repo"), arguments);

    /// <summary>Runs git in <paramref name="folder"/> and returns its output.</summary>
    public string GitIn(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.AreEqual(0, git.ExitCode, $"git {string.Join(' ', arguments)}: {error}");
        return output.Trim();
    }

    /// <summary>Asserts that no scratch server is left: its root holds nothing and no process runs from it.</summary>
    public void AssertScratchRemoved()
    {
        var entries = Directory.Exists(ScratchRoot) ? Directory.GetFileSystemEntries(ScratchRoot) : [];
        Assert.IsEmpty(entries, "The scratch root still holds: " + string.Join(", ", entries));
        var running = Directory.EnumerateDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Select(folder => (Folder: folder, CommandLine: ReadCommandLine(folder)))
            .Where(process => process.CommandLine.Contains(ScratchRoot, StringComparison.Ordinal))
            .ToList();
        Assert.IsEmpty(running, "Processes still run from the scratch root: " + string.Join("; ", running.Select(p => $"{p.Folder}: {p.CommandLine}")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing cleanup must not hide the test's result.
        }
    }

    private static string ReadCommandLine(string procFolder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procFolder, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
