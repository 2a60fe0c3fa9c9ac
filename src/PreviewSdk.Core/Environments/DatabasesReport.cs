namespace PreviewSdk.Core.Environments;

/// <summary>The databases an environment created, with how to reach them (<see cref="StateFiles.Databases"/>).</summary>
public sealed record DatabasesReport
{
    /// <summary>One entry per database, in the order they were created.</summary>
    public required IReadOnlyList<DatabaseConnection> Databases { get; init; }
}

/// <summary>How to reach one database of an environment.</summary>
/// <param name="Name">The database's resource name (its key in preview.yaml).</param>
/// <param name="Server">The server resource that holds it.</param>
/// <param name="ConnectionString">An Npgsql connection string, password included.</param>
public sealed record DatabaseConnection(string Name, string Server, string ConnectionString);
