using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Api;

internal static class DatabaseStartup
{
    // In a fresh environment PostgreSQL often starts alongside the API, so the first
    // connections can be refused for a few seconds.
    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public static async Task MigrateAndSeedAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Api.Database");
        var stopwatch = Stopwatch.StartNew();

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
                await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
                logger.LogInformation("Database migrated after {Attempts} attempt(s)", attempt);

                if (app.Configuration.GetValue("Shop:SeedDemoData", true))
                    await SeedAsync(db, logger, app.Lifetime.ApplicationStopping);
                return;
            }
            catch (Exception ex) when (stopwatch.Elapsed < MigrationTimeout && !app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                logger.LogWarning("Database not ready (attempt {Attempt}): {Message}; retrying in {Delay}",
                    attempt, ex.Message, RetryDelay);
                await Task.Delay(RetryDelay, app.Lifetime.ApplicationStopping);
            }
        }
    }

    // A preview of an empty shop shows little, so a brand-new database gets a small catalogue.
    private static async Task SeedAsync(ShopDbContext db, ILogger logger, CancellationToken ct)
    {
        if (await db.Products.AnyAsync(ct) || await db.Customers.AnyAsync(ct))
            return;

        db.Products.AddRange(
            new Product { Sku = "MUG-001", Name = "Stoneware mug", Description = "350 ml, dishwasher safe.", Price = 12.50m, Stock = 40, Category = "Kitchen" },
            new Product { Sku = "TEA-010", Name = "Green tea, 100 g", Description = "Loose-leaf sencha.", Price = 8.90m, Stock = 25, Category = "Pantry" },
            new Product { Sku = "NOTE-A5", Name = "A5 notebook", Description = "Dotted, 120 pages.", Price = 6.75m, Stock = 60, Category = "Stationery" },
            new Product { Sku = "PEN-BLK", Name = "Gel pen, black", Description = "0.5 mm.", Price = 1.95m, Stock = 200, Category = "Stationery" },
            new Product { Sku = "LAMP-DSK", Name = "Desk lamp", Description = "LED, warm white.", Price = 34.00m, Stock = 5, Category = "Home" });
        db.Customers.AddRange(
            new Customer { Name = "Ada Lovelace", Email = "ada@example.com", CreatedAt = DateTime.UtcNow },
            new Customer { Name = "Grace Hopper", Email = "grace@example.com", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo products and customers");
    }
}
