using System.Reflection;

namespace Aspire.Hosting;

/// <summary>
/// Runs an app host's orchestrator (DCP) through the environment's own launch script, which gives DCP's API server
/// the environment's certificate (<see cref="OrchestratorCertificate"/>) and DCP its Go runtime settings
/// (<see cref="OrchestratorGoRuntime"/>), and gives every executable and project those settings back. The two always
/// go together: one without the other would either leave DCP as it was or hand DCP's settings to the services.
/// </summary>
public static class OrchestratorLaunch
{
    /// <summary>
    /// Installs the script for <paramref name="builder"/>; returns false when DCP is left as it was (Windows, no DCP
    /// path known, DCP not where it is said to be, or Aspire's bundle path set), and then nothing else changes.
    /// </summary>
    /// <param name="builder">The app host's builder, before it is built.</param>
    /// <param name="folder">A folder of the environment's own (created when missing).</param>
    /// <param name="entryAssembly">The app host's assembly, which carries the SDK's metadata.</param>
    public static bool Install(IDistributedApplicationBuilder builder, string folder, Assembly? entryAssembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (OrchestratorCertificate.Install(builder.Configuration, folder, entryAssembly) is null)
        {
            return false;
        }

        OrchestratorGoRuntime.KeepFromResources(builder);
        return true;
    }
}
