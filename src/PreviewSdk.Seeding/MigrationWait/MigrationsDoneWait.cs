using System.Diagnostics;
using Npgsql;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.MigrationWait;

/// <summary>
/// Waits until the app's migrations are really done, not until its health endpoint answers: a migrating service
/// often reports healthy (or Degraded, which answers 200 too) while it still migrates, and a seeding that starts then
/// reads an empty schema. With the EF Core project's migration ids known, done means every one of them is in the
/// database's history; without them, the schema has not changed for <see cref="QuietPeriod"/> since the service settled.
/// </summary>
/// <param name="expectedMigrations">The EF Core migration ids to wait for, or null to wait for a stable schema.</param>
/// <param name="serviceSettled">Whether the migrating service is up and reports no Degraded state.</param>
/// <param name="progress">Receives a line whenever the wait learns something (migrations applied, schema changed).</param>
/// <param name="stallTimeout">How long a settled service may leave migrations missing; <see cref="DefaultStallTimeout"/> when null.</param>
public sealed class MigrationsDoneWait(IReadOnlyList<string>? expectedMigrations, Func<bool> serviceSettled, Action<string> progress, TimeSpan? stallTimeout = null)
{
    /// <summary>How long the schema must stay the same once the service settled, when no migration ids are known.</summary>
    public static TimeSpan QuietPeriod { get; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a settled service may leave migrations missing without any change before the wait gives up
    /// (PREVIEW4101): an app that migrates another way, or a build that runs older code than the project's source.
    /// </summary>
    public static TimeSpan DefaultStallTimeout { get; } = TimeSpan.FromSeconds(60);

    private readonly TimeSpan stall = stallTimeout ?? DefaultStallTimeout;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Polls the database of <paramref name="connection"/> until the migrations are done.</summary>
    /// <param name="connection">An open connection to the database.</param>
    /// <param name="location">Where preview.yaml names the migrations, for the error.</param>
    /// <param name="service">The migrating service's name, for messages.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="MigrationWaitException">The migrations did not complete: PREVIEW4101.</exception>
    public async Task WaitAsync(NpgsqlConnection connection, SourceLocation location, string service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sinceChange = Stopwatch.StartNew();
        string? lastState = null;
        var settled = false;
        while (true)
        {
            var wasSettled = settled;
            settled = serviceSettled();
            var (done, state, missing) = await LookAsync(connection, cancellationToken);
            if (!settled && (done || expectedMigrations is null))
            {
                // What the wait is still waiting for, since the database alone looks finished.
                state += $" Waiting for '{service}' to run healthy and report no Degraded state.";
            }

            if (state != lastState || settled != wasSettled)
            {
                if (state != lastState)
                {
                    progress(state);
                }

                lastState = state;
                sinceChange.Restart();
            }

            if (settled && (done || (expectedMigrations is null && sinceChange.Elapsed >= QuietPeriod)))
            {
                return;
            }

            if (settled && expectedMigrations is not null && sinceChange.Elapsed >= stall)
            {
                throw new MigrationWaitException(DiagnosticFactory.Create(DiagnosticCodes.MigrationsNotApplied, location,
                    service, stall.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
                    DiagnosticFactory.NameList(missing)));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<(bool Done, string State, IReadOnlyList<string> Missing)> LookAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (expectedMigrations is null)
        {
            var (tables, digest) = await SchemaFingerprint.ReadAsync(connection, cancellationToken);
            return (false, $"The schema has {tables} tables (digest {digest[..8]}).", []);
        }

        var applied = await MigrationHistory.AppliedAsync(connection, cancellationToken);
        var missing = expectedMigrations.Where(id => !applied.Contains(id)).ToList();
        var state = $"{expectedMigrations.Count - missing.Count} of {expectedMigrations.Count} migrations applied"
            + (missing.Count == 0 ? "." : $"; waiting for {string.Join(", ", missing)}.");
        return (missing.Count == 0, state, missing);
    }
}

/// <summary>The migrations a seeding waits for did not complete.</summary>
public sealed class MigrationWaitException(PreviewDiagnostic diagnostic) : Exception(diagnostic?.Message)
{
    /// <summary>The coded error.</summary>
    public PreviewDiagnostic Diagnostic { get; } = diagnostic ?? throw new ArgumentNullException(nameof(diagnostic));
}
