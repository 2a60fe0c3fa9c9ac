namespace Aspire.Hosting.ApplicationModel;

/// <summary>Finds the template server behind a PostgreSQL resource, whichever way the server runs.</summary>
internal static class PostgresTemplateServers
{
    /// <summary>
    /// The server's part in seeded-data templates for a PostgreSQL server, one of its databases or a seeding of one:
    /// a local server's setup, or a container's templating; null for any other resource, or a container without one.
    /// </summary>
    public static IPostgresTemplateServer? Of(IResource resource) => resource switch
    {
        PreviewSeedResource seed => Of(seed.Parent),
        LocalPostgresServerResource local => local.Setup,
        LocalPostgresDatabaseResource database => database.Parent.Setup,
        PostgresServerResource container => container.Annotations.OfType<ContainerPostgresTemplating>().FirstOrDefault(),
        PostgresDatabaseResource database => Of(database.Parent),
        _ => null,
    };
}
