using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
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

    private static async Task RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command} {string.Join(' ', start.ArgumentList)}' failed with exit code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }
    }
}
