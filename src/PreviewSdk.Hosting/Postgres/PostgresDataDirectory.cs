using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;

namespace Aspire.Hosting;

/// <summary>
/// Makes a fresh PostgreSQL data folder before the server first starts: a clone of its seeded-data template when
/// there is one, else <c>initdb</c>.
/// </summary>
internal static class PostgresDataDirectory
{
    public static async Task InitializeAsync(LocalPostgresSetup setup, IServiceProvider services, Action<string> log, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(setup.DataDirectory, "PG_VERSION")))
        {
            return;
        }

        if (await LocalPostgresTemplates.TryCloneAsync(setup, services, log, cancellationToken))
        {
            return;
        }

        var passwordFile = Path.Combine(setup.BaseDirectory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, setup.Password + "\n", cancellationToken);
        try
        {
            if (setup.Account is { } account)
            {
                await RunAsync("chown", ["-R", $"{account.UserId}:{account.GroupId}", setup.BaseDirectory], cancellationToken);
            }

            var (command, arguments) = setup.InitCommand(passwordFile);
            await RunAsync(command, arguments, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            throw PreviewHostingException.Create(DiagnosticCodes.BackingServiceInitFailed, setup.ResourceName, e.Message);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task RunAsync(string command, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ExternalProgram.RunAsync(command, arguments, workingDirectory: null, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}: {result.Output.Trim()}");
        }
    }
}
