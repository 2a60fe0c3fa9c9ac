namespace PreviewSdk.Seeding.Tests.MigrationWait;

/// <summary>A stand-in EF Core migration history, as a migrator leaves it, for the wait tests.</summary>
internal static class EfHistory
{
    /// <summary>The ids of the stand-in project's two migrations.</summary>
    public static readonly string[] Migrations = ["20261201000000_Initial", "20261202000000_AddPrices"];

    /// <summary>Creates EF Core's history table.</summary>
    public const string Create = """
        CREATE TABLE "__EFMigrationsHistory" ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL);
        """;

    /// <summary>Records <paramref name="ids"/> as applied.</summary>
    public static string Applied(params string[] ids) =>
        string.Concat(ids.Select(id => $"INSERT INTO \"__EFMigrationsHistory\" VALUES ('{id}', '10.0.0');"));
}
