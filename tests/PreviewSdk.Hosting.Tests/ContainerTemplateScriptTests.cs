using Aspire.Hosting;
using PreviewSdk.Core.Binaries;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The entry point of a container template's clones (<c>/previewsdk/template.sh clone</c>), run here on the machine's
/// own PostgreSQL 15 and a data folder made by its initdb, as the script runs in the image: as root, switching to the
/// postgres account. Its output goes to the container's log, which anyone who can see the environment reads.
/// </summary>
[TestClass]
public sealed class ContainerTemplateScriptTests
{
    private const string Password = "pw-that-must-stay-secret";

    [TestMethod]
    public async Task Clone_GivesTheRoleThePassword_ThenRunsTheImagesCommand()
    {
        using var folder = await DataFolder.CreateAsync();

        var (exit, output) = await RunAsync(folder.Script, folder.Data, "postgres", "clone", "sh", "-c", "echo the image command ran");

        Assert.AreEqual(0, exit, output);
        StringAssert.Contains(output, "the image command ran");
        Assert.DoesNotContain(Password, output);
        var (_, check) = await RunAsync(folder.Script, folder.Data, "postgres", "clone", "sh", "-c",
            "echo \"SELECT rolpassword LIKE 'SCRAM-SHA-256%' AS has_password FROM pg_authid WHERE rolname = 'postgres';\" | "
            + "setpriv --reuid=postgres --regid=postgres --init-groups "
            + "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/postgres --single -D \"$PGDATA\" postgres");
        StringAssert.Contains(check, "has_password = \"t\"", check);
    }

    [TestMethod]
    public async Task Clone_WhenThePasswordCannotBeSet_FailsWithPostgresReason_WithoutPrintingThePassword()
    {
        using var folder = await DataFolder.CreateAsync();

        // A role the data folder does not have (an image whose POSTGRES_USER differs from the template's).
        var (exit, output) = await RunAsync(folder.Script, folder.Data, "no_such_role", "clone", "sh", "-c", "echo must not run");

        Assert.AreEqual(1, exit, output);
        StringAssert.Contains(output, "role \"no_such_role\" does not exist");
        Assert.DoesNotContain("must not run", output);
        Assert.DoesNotContain(Password, output, "PostgreSQL echoes a failed statement unless told not to; this one holds the password.");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string script, string data, string user, params string[] arguments)
    {
        var result = await ExternalProgram.RunAsync("sh", [script, .. arguments], workingDirectory: null, CancellationToken.None,
            new Dictionary<string, string> { ["PGDATA"] = data, ["POSTGRES_USER"] = user, ["POSTGRES_PASSWORD"] = Password });
        return (result.ExitCode, result.Output);
    }

    /// <summary>A data folder made by the machine's initdb, owned by the postgres account, and the script beside it.</summary>
    private sealed class DataFolder : IDisposable
    {
        private DataFolder(string root) => Root = root;

        public string Root { get; }

        public string Data => Path.Combine(Root, "pgdata");

        public string Script => Path.Combine(Root, "template.sh");

        public static async Task<DataFolder> CreateAsync()
        {
            var folder = new DataFolder(Directory.CreateTempSubdirectory("preview-template-script-").FullName);
            using (var resource = typeof(PreviewPostgresBuilderExtensions).Assembly.GetManifestResourceStream("PreviewSdk.Hosting.ContainerTemplate.sh")!)
            using (var file = File.Create(folder.Script))
            {
                await resource.CopyToAsync(file);
            }

            await RequireAsync("chown", "postgres", folder.Root);
            var initdb = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin/initdb";
            await RequireAsync("runuser", "-u", "postgres", "--", initdb, "-D", folder.Data, "-U", "postgres", "-A", "trust", "--no-sync", "--no-instructions");
            return folder;
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private static async Task RequireAsync(string program, params string[] arguments)
        {
            var result = await ExternalProgram.RunAsync(program, arguments, workingDirectory: null, CancellationToken.None);
            Assert.AreEqual(0, result.ExitCode, $"{program}: {result.Output}");
        }
    }
}
