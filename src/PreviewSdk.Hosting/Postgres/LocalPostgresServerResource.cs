using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A PostgreSQL server run from the locally installed binaries, with its own data folder and a free loopback port.
/// </summary>
public sealed class LocalPostgresServerResource : ExecutableResource, IResourceWithConnectionString
{
    /// <summary>The role the environment's services connect as.</summary>
    public const string UserName = "preview";

    internal LocalPostgresServerResource(string name, string command, string workingDirectory, LocalPostgresSetup setup)
        : base(name, command, workingDirectory)
    {
        Setup = setup;
    }

    internal LocalPostgresSetup Setup { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port => Setup.Port;

    /// <summary>The databases declared on this server.</summary>
    public IReadOnlyList<LocalPostgresDatabaseResource> Databases => Setup.Databases;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={Port.ToString(System.Globalization.CultureInfo.InvariantCulture)};Username={UserName};Password={Setup.Password}");
}

/// <summary>A database on a <see cref="LocalPostgresServerResource"/>, created when the server is ready.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    /// <summary>The database's name on the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <inheritdoc />
    public LocalPostgresServerResource Parent { get; } = parent;

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
