namespace PreviewSdk.Core.LaunchSettings;

/// <summary>
/// One profile of a project's <c>Properties/launchSettings.json</c>: the variables a developer's F5 gives the
/// service. A preview environment takes its variables (the environment name among them) but never its URLs: ports
/// come from the environment, so parallel environments never collide.
/// </summary>
/// <param name="Name">The profile's key.</param>
/// <param name="CommandName">Its <c>commandName</c> (<c>Project</c>, <c>IISExpress</c> …); only <c>Project</c> profiles run the project itself.</param>
/// <param name="EnvironmentVariables">Its <c>environmentVariables</c>, in file order.</param>
/// <param name="ApplicationUrl">Its <c>applicationUrl</c>, or null.</param>
public sealed record LaunchProfile(
    string Name,
    string? CommandName,
    IReadOnlyList<KeyValuePair<string, string>> EnvironmentVariables,
    string? ApplicationUrl)
{
    /// <summary>The variables that name the host environment, read by ASP.NET Core and the generic host.</summary>
    public static IReadOnlyList<string> EnvironmentNameVariables { get; } = ["ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT"];

    /// <summary>What a service runs as when its launch profile names no environment: what F5 gives a new project.</summary>
    public const string DefaultEnvironmentName = "Development";

    // Addresses and ports belong to the environment: a launch profile's would collide between environments.
    private static readonly HashSet<string> AddressVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_URLS", "DOTNET_URLS", "URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS",
        "DOTNET_HTTP_PORTS", "DOTNET_HTTPS_PORTS",
    };

    /// <summary>
    /// The variables a preview environment gives the service: the profile's, without addresses and ports, and the
    /// environment name in both <see cref="EnvironmentNameVariables"/> (the profile's, else
    /// <see cref="DefaultEnvironmentName"/>), so a web project and a worker read the same name.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> PreviewVariables()
    {
        var variables = EnvironmentVariables.Where(pair => !AddressVariables.Contains(pair.Key)).ToList();
        var name = EnvironmentName;
        foreach (var variable in EnvironmentNameVariables)
        {
            if (!variables.Any(pair => string.Equals(pair.Key, variable, StringComparison.OrdinalIgnoreCase)))
            {
                variables.Add(KeyValuePair.Create(variable, name));
            }
        }

        return variables;
    }

    /// <summary>The environment the profile names (ASP.NET Core's variable first, as ASP.NET Core reads it), else Development.</summary>
    public string EnvironmentName =>
        EnvironmentNameVariables
            .Select(variable => EnvironmentVariables.FirstOrDefault(pair => string.Equals(pair.Key, variable, StringComparison.OrdinalIgnoreCase)).Value)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))
        ?? DefaultEnvironmentName;

    /// <summary>The profile of a project without launch settings: Development and nothing else.</summary>
    public static LaunchProfile None { get; } = new("(none)", "Project", [], null);
}
