using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;

namespace Aspire.Hosting;

/// <summary>Initialises a fresh PostgreSQL data folder with <c>initdb</c> before the server first starts.</summary>
internal static class PostgresDataDirectory
{
    public static async Task InitializeAsync(LocalPostgresSetup setup, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(setup.DataDirectory, "PG_VERSION")))
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
