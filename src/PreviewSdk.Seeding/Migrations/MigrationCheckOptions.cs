using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Runs;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>Fills the scratch database at the migration base: <see cref="DatabaseSeeder.SeedAsync"/>, or a test's own rows.</summary>
/// <param name="connection">An open connection to the scratch database.</param>
/// <param name="cancellationToken">Stops the seeding.</param>
public delegate Task<SeedRunResult> SeedStep(NpgsqlConnection connection, CancellationToken cancellationToken);

/// <summary>What the migration check checks and where it reports.</summary>
public sealed record MigrationCheckOptions
{
    /// <summary>The database as preview.yaml names it (the scratch database gets the same name).</summary>
    public required string Database { get; init; }

    /// <summary>The migrations applied before seeding; every later one is checked.</summary>
    public required MigrationBase Base { get; init; }

    /// <summary>Where preview.yaml sets the database's migrations, for diagnostics that have no migration file.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.WholeFile("preview.yaml");

    /// <summary>The parent folder of the scratch server's folder; null for <see cref="Scratch.ScratchPostgres.DefaultRoot"/>.</summary>
    public string? ScratchRoot { get; init; }

    /// <summary>Receives a line per step as the check goes (the task prints them).</summary>
    public Action<string>? Log { get; init; }
}
