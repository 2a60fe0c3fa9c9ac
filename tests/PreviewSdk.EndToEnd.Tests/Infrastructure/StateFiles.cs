using System.Text.Json;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The state files of an environment as documented for users and tools (camelCase JSON). Declared here rather than
/// taken from the product, so that a change to the files' shape breaks these tests as it would break a user's script.
/// </summary>
internal static class StateFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>environment.json: who, what and which process.</summary>
    public sealed record EnvironmentFile(
        string Name, string App, string Profile, string EnvironmentId, int HostProcessId, DateTimeOffset StartedAt,
        string? Owner, string? Branch, string DashboardUrl)
    {
        /// <summary><c>starting</c>, <c>running</c> or <c>expired</c>.</summary>
        public string? State { get; init; }

        /// <summary>The team whose budget it counts against.</summary>
        public string? Team { get; init; }

        /// <summary>The CPUs it counts against the budget.</summary>
        public double? Cpus { get; init; }

        /// <summary>The bytes of memory it counts against the budget.</summary>
        public long? MemoryBytes { get; init; }

        /// <summary>When it stops itself; null when kept.</summary>
        public DateTimeOffset? ExpiresAt { get; init; }

        /// <summary>Exempt from expiry.</summary>
        public bool Keep { get; init; }

        /// <summary>The container engine its containers run on, or null when none does.</summary>
        public string? ContainerEngine { get; init; }
    }

    /// <summary>links.json: the links of a ready environment.</summary>
    public sealed record LinksFile(string Environment, string Profile, DateTimeOffset ReadyAt, string Directory, string SharedLink, string Dashboard, IReadOnlyList<ServiceLink> Services)
    {
        /// <summary>Whether the gateway asks for the access token.</summary>
        public bool TokenRequired { get; init; }

        /// <summary>The seeded databases.</summary>
        public IReadOnlyList<SeededDatabase> Data { get; init; } = [];
    }

    /// <summary>One seeded database of links.json.</summary>
    public sealed record SeededDatabase(string Database, int Seed, int Tables, long Rows);

    /// <summary>One service link of links.json.</summary>
    public sealed record ServiceLink(string Name, string Url)
    {
        /// <summary><c>up</c>, or <c>down</c> while the service is stopped, restarting or unhealthy.</summary>
        public string State { get; init; } = "up";
    }

    /// <summary>resources.json: the latest state of every resource.</summary>
    public sealed record ResourcesFile(IReadOnlyList<ResourceStatus> Resources);

    /// <summary>One resource of resources.json.</summary>
    public sealed record ResourceStatus(string Name, string? State, string? Health, IReadOnlyList<int> ProcessIds)
    {
        /// <summary>The resource's own endpoints (not through the gateway).</summary>
        public IReadOnlyList<string> Urls { get; init; } = [];
    }

    public static EnvironmentFile ReadEnvironment(string stateFolder) => Read<EnvironmentFile>(Path.Combine(stateFolder, "environment.json"));

    public static LinksFile ReadLinks(string stateFolder) => Read<LinksFile>(Path.Combine(stateFolder, "links.json"));

    /// <summary>The access token (<c>access-token</c>, owner-only).</summary>
    public static string ReadToken(string stateFolder) => File.ReadAllText(Path.Combine(stateFolder, "access-token")).Trim();

    public static ResourcesFile ReadResources(string stateFolder) => Read<ResourcesFile>(Path.Combine(stateFolder, "resources.json"));

    /// <summary>The environment id in <paramref name="stateFolder"/>, or null while there is none (or it is half written).</summary>
    public static string? TryReadEnvironmentId(string stateFolder)
    {
        try
        {
            return ReadEnvironment(stateFolder).EnvironmentId;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The backing services' data folders of <paramref name="stateFolder"/>, links followed: a folder that the service's
    /// account could not reach in the state folder lives elsewhere, linked from <c>data/</c>.
    /// </summary>
    public static IReadOnlyList<string> DataFolders(string stateFolder) =>
        Directory.GetFileSystemEntries(Path.Combine(stateFolder, "data"))
            .Select(entry => Directory.ResolveLinkTarget(entry, returnFinalTarget: true)?.FullName ?? entry)
            .ToList();

    private static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path} holds null.");
}
