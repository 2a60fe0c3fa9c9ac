namespace PreviewSdk.Core.Seeding;

/// <summary>
/// The variables the standalone seeder (<c>PreviewSdk.Seeding.Runner</c>, the Kubernetes target's seeding Job) reads:
/// the contract between the manifests that start it and the program.
/// </summary>
public static class SeedRunnerVariables
{
    /// <summary>preview.yaml's path in the pod.</summary>
    public const string Manifest = "PREVIEW_MANIFEST";

    /// <summary>The database to seed (a key of preview.yaml's <c>seed:</c>).</summary>
    public const string Database = "PREVIEW_DATABASE";

    /// <summary>The environment's profile, for its scale.</summary>
    public const string Profile = "PREVIEW_PROFILE";

    /// <summary>The environment's id: the mark the database must carry.</summary>
    public const string EnvironmentId = "PREVIEW_ENVIRONMENT_ID";

    /// <summary>The database's connection string.</summary>
    public const string ConnectionString = "PREVIEW_CONNECTION_STRING";

    /// <summary>A URL that must answer 2xx before seeding: the migrating service's health path.</summary>
    public const string WaitFor = "PREVIEW_WAIT_FOR";

    /// <summary>The migrating service without a health path: wait until the database has a table.</summary>
    public const string WaitForTables = "PREVIEW_WAIT_FOR_TABLES";

    /// <summary>The migrating service's name, with <see cref="WaitFor"/> (for messages and PREVIEW4101).</summary>
    public const string MigratingService = "PREVIEW_MIGRATING_SERVICE";

    /// <summary>The ids of the EF Core project's migrations, comma separated, that the database must hold before seeding.</summary>
    public const string WaitForMigrations = "PREVIEW_WAIT_FOR_MIGRATIONS";

    /// <summary>The folder of SQL migrations to apply before seeding.</summary>
    public const string SqlFolder = "PREVIEW_SQL_FOLDER";
}
