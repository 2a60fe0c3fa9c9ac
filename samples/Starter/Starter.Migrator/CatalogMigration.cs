using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Starter.Data;

namespace Starter.Migrator;

// Applies the catalog's migrations as the app starts, then writes a few demo rows when the catalog is empty, so a
// developer's F5 shows something.
public sealed class CatalogMigration(IServiceProvider services, MigrationProgress progress, ILogger<CatalogMigration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(stoppingToken)).ToList();
            logger.LogInformation("Applying {Count} migrations to the catalog.", pending.Count);
            await db.Database.MigrateAsync(stoppingToken);
            progress.Migrated(pending.Count);

            if (!await db.CatalogItems.AnyAsync(stoppingToken))
            {
                var type = new CatalogType { Name = "Demo type" };
                db.CatalogTypes.Add(type);
                db.CatalogItems.AddRange(
                    new CatalogItem { Name = "Demo item 1", Price = 9.99m, CatalogType = type },
                    new CatalogItem { Name = "Demo item 2", Price = 19.99m, CatalogType = type });
                await db.SaveChangesAsync(stoppingToken);
                logger.LogInformation("Wrote the catalog's demo rows.");
            }

            progress.Done();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Migrating the catalog failed.");
            progress.Failed(e.Message);
        }
    }
}

public sealed class MigrationProgress
{
    private volatile string state = "migrating";
    private int applied;

    public HealthStatus Status => state switch
    {
        "done" => HealthStatus.Healthy,
        "failed" => HealthStatus.Unhealthy,
        _ => HealthStatus.Degraded,
    };

    public void Migrated(int count) => applied = count;

    public void Done() => state = "done";

    public void Failed(string reason) => state = "failed";

    public string Describe() => $"Catalog migrator: {state}, {applied} migrations applied at start.";
}

public sealed class MigrationHealthCheck(MigrationProgress progress) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(new HealthCheckResult(progress.Status, progress.Describe()));
}
