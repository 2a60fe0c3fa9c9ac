using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>
/// Stops an app host started by F5 or <c>dotnet run</c> when the process that started it goes away, however it
/// goes (SIGKILL included): the environment must not outlive the command that owns it. <c>dotnet run</c> passes
/// SIGTERM on to the app host, but a killed <c>dotnet run</c> passes nothing, and Linux gives .NET no
/// parent-death signal, so the app host looks for its parent every second: once it was re-parented, the parent is gone.
/// </summary>
/// <remarks>
/// Not for app hosts <c>-t:Preview</c> starts: those are detached on purpose and outlive the build.
/// </remarks>
internal sealed class ParentWatcher(IHostApplicationLifetime lifetime, ILogger<ParentWatcher> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (ParentProcessId() is not { } parent || parent <= 1)
        {
            // Not on Linux, or started detached already: there is no parent to outlive.
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (ParentProcessId() != parent)
                {
                    logger.LogWarning("The process that started this app host ({Parent}) is gone; stopping the environment.", parent);
                    lifetime.StopApplication();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The app host is stopping for another reason.
        }
    }

    /// <summary>This process's parent, from <c>/proc/self/stat</c> (field 4, after the parenthesised name); null where there is no /proc.</summary>
    internal static int? ParentProcessId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
