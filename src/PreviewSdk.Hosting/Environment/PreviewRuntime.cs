using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// Who this app host is: the environment's name, profile, id and state folder, read from the variables that
/// <c>-t:Preview</c> sets (<see cref="PreviewVariables"/>). Started by F5 or <c>dotnet run</c>, none are set: an app
/// host built by PreviewSdk's targets then registers itself like one <c>-t:Preview</c> started
/// (<see cref="PreviewApplication.CreateBuilder"/>); any other runs as a private "dev" environment whose state lives
/// beside its binaries.
/// </summary>
public sealed record PreviewRuntime(string Name, string Profile, string EnvironmentId, string StateDirectory)
{
    /// <summary>How long <c>-t:Preview</c> waits for readiness; null when started otherwise (F5, <c>dotnet run</c>).</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Whether <c>-t:Preview</c> started this app host (detached, to outlive the build); false under F5 or
    /// <c>dotnet run</c>, where the environment lives as long as the process that started it.
    /// </summary>
    public bool IsDetached { get; init; }

    /// <summary>
    /// Where seeded-data templates live (<c>&lt;state root&gt;/templates</c>); null when templates are off
    /// (<c>PreviewTemplates=false</c>, or F5 and <c>dotnet run</c>, which have no state root).
    /// </summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>How long a template no environment used is kept (<c>PreviewTemplateRetention</c>).</summary>
    public TimeSpan TemplateRetention { get; init; } = PreviewSdk.Core.Templates.TemplateStore.DefaultRetention;

    /// <summary>How many templates of one server are kept, the most recently used (<c>PreviewTemplatesPerServer</c>).</summary>
    public int TemplatesPerServer { get; init; } = PreviewSdk.Core.Templates.TemplateStore.DefaultPerServer;

    /// <summary>
    /// True for an app host started by F5 or <c>dotnet run</c> that registered itself in the registry
    /// (<see cref="ForegroundRegistration"/>): it removes its state when it stops.
    /// </summary>
    public bool IsForeground { get; init; }

    /// <summary>Whether <c>-t:Preview</c> started this process (it sets the state folder); false for F5 and <c>dotnet run</c>.</summary>
    public static bool IsStartedByBuild => !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(PreviewVariables.StateDirectory));

    /// <summary>Reads the runtime identity from the process environment, with F5 defaults.</summary>
    public static PreviewRuntime FromEnvironment()
    {
        var stateDirectory = Read(PreviewVariables.StateDirectory)
            ?? Path.Combine(AppContext.BaseDirectory, "preview-state");
        return new PreviewRuntime(
            Read(PreviewVariables.EnvironmentName) ?? "dev",
            Read(PreviewVariables.Profile) ?? "lightweight",
            Read(PreviewVariables.EnvironmentId) ?? Guid.NewGuid().ToString("N"),
            Path.GetFullPath(stateDirectory))
        {
            Timeout = int.TryParse(Read(PreviewVariables.Timeout), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : null,
            IsDetached = Read(PreviewVariables.EnvironmentId) is not null && Read(PreviewVariables.StateDirectory) is not null,
            TemplatesDirectory = Read(PreviewVariables.TemplatesDirectory),
            TemplateRetention = long.TryParse(Read(PreviewVariables.TemplateRetention), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var retention) && retention > 0
                ? TimeSpan.FromSeconds(retention)
                : PreviewSdk.Core.Templates.TemplateStore.DefaultRetention,
            TemplatesPerServer = PreviewSdk.Core.Templates.TemplateStore.TryParsePerServer(Read(PreviewVariables.TemplatesPerServer), out var perServer)
                ? perServer
                : PreviewSdk.Core.Templates.TemplateStore.DefaultPerServer,
        };
    }

    /// <summary>The folder where the backing service <paramref name="resourceName"/> keeps its data.</summary>
    public string DataDirectory(string resourceName) => Path.Combine(StateDirectory, StateFiles.DataFolder, resourceName);

    private static string? Read(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
