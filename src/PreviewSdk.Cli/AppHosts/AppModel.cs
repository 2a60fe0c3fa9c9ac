namespace PreviewSdk.Cli.AppHosts;

/// <summary>
/// What an Aspire app host declares, as its publish manifest tells it: the resources PreviewSdk can map, by kind.
/// </summary>
/// <param name="Projects">The .NET projects (<c>project.v0</c>), in manifest order.</param>
/// <param name="Postgres">The PostgreSQL servers (containers of a postgres image) and their databases.</param>
/// <param name="Redis">The Redis servers (containers of a redis, valkey or garnet image).</param>
/// <param name="Unmapped">Resources of other kinds (other containers, executables), with what they are.</param>
internal sealed record AppModel(
    IReadOnlyList<ProjectResource> Projects,
    IReadOnlyList<PostgresServer> Postgres,
    IReadOnlyList<string> Redis,
    IReadOnlyList<UnmappedResource> Unmapped);

/// <summary>A project of the app host.</summary>
/// <param name="Name">The resource name: what the other services use for service discovery (<c>http://name</c>).</param>
/// <param name="ProjectPath">The project file, absolute.</param>
/// <param name="References">The resources it references (<c>WithReference</c>): connection strings and services.</param>
/// <param name="Http2Only">Every HTTP binding of it is HTTP/2 (<c>transport: http2</c>).</param>
/// <param name="HasHttpBinding">It has an HTTP endpoint.</param>
internal sealed record ProjectResource(string Name, string ProjectPath, IReadOnlyList<string> References, bool Http2Only, bool HasHttpBinding);

/// <summary>A PostgreSQL server and the databases added to it.</summary>
internal sealed record PostgresServer(string Name, IReadOnlyList<string> Databases);

/// <summary>A resource init leaves out, with its manifest type and what it runs.</summary>
internal sealed record UnmappedResource(string Name, string Type, string? Image);
