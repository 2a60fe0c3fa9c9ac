using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using Shop.Data;

namespace Shop.Worker;

public sealed class OrderProcessingOptions
{
    public int BatchSize { get; set; } = 10;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

// Ships pending orders. Runs in two steps so that several workers can share the queue:
// claiming marks orders Processing, fulfilling locks Processing orders with SKIP LOCKED,
// so an order claimed by a worker that then died is picked up again on the next pass.
public sealed class OrderProcessor(
    IServiceScopeFactory scopes, IOptions<OrderProcessingOptions> options, ILogger<OrderProcessor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        logger.LogInformation("Order processor started: batch size {BatchSize}, every {Interval}",
            batchSize, options.Value.PollInterval);

        string? waitingFor = null;
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
                await ClaimAsync(db, batchSize, stoppingToken);
                await FulfilAsync(db, batchSize, stoppingToken);
                if (waitingFor is not null)
                    logger.LogInformation("Database is ready; processing orders");
                waitingFor = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (NotReadyReason(ex) is { } reason)
            {
                // Expected while PostgreSQL starts or before the API has migrated: say so once, not every tick.
                if (reason != waitingFor)
                    logger.LogInformation("Waiting for the database: {Reason}", reason);
                waitingFor = reason;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Processing orders failed; retrying");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static string? NotReadyReason(Exception ex)
    {
        // Aspire's retrying execution strategy wraps the last transient failure.
        if (ex is RetryLimitExceededException { InnerException: { } inner })
            ex = inner;

        return ex switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } =>
                "the order tables do not exist yet (the API applies migrations)",
            PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.CannotConnectNow } pg =>
                pg.MessageText,
            PostgresException => null,
            NpgsqlException npgsql => npgsql.InnerException?.Message ?? npgsql.Message,
            _ => null,
        };
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ClaimAsync(ShopDbContext db, int batchSize, CancellationToken ct)
    {
        // Two workers may claim the same order here; harmless, because fulfilling locks the row.
        var claimed = await db.Orders
            .Where(o => o.Status == OrderStatus.Pending)
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Take(batchSize)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Processing), ct);
        if (claimed > 0)
            logger.LogInformation("Claimed {Count} pending order(s)", claimed);
    }

    private async Task FulfilAsync(ShopDbContext db, int batchSize, CancellationToken ct)
    {
        // User transactions must run inside the execution strategy Aspire configures for retries.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);

            var orders = await db.Orders
                .FromSql($"""
                    SELECT * FROM orders WHERE status = 'Processing'
                    ORDER BY created_at, id LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (orders.Count == 0)
                return;

            var orderIds = orders.Select(o => o.Id).ToArray();
            var lines = await db.OrderLines.Where(l => orderIds.Contains(l.OrderId)).ToListAsync(ct);
            var productIds = lines.Select(l => l.ProductId).Distinct().ToArray();
            // Locked in id order so concurrent batches cannot deadlock on each other.
            var products = await db.Products
                .FromSql($"SELECT * FROM products WHERE id = ANY({productIds}) ORDER BY id FOR UPDATE")
                .ToDictionaryAsync(p => p.Id, ct);

            var now = DateTime.UtcNow;
            foreach (var order in orders)
            {
                var orderLines = lines.Where(l => l.OrderId == order.Id).ToList();
                var shortages = orderLines
                    .Where(l => products[l.ProductId].Stock < l.Quantity)
                    .Select(l => $"{products[l.ProductId].Sku} (want {l.Quantity}, have {products[l.ProductId].Stock})")
                    .ToList();

                order.ProcessedAt = now;
                if (shortages.Count > 0)
                {
                    order.Status = OrderStatus.Cancelled;
                    logger.LogWarning("Cancelled order {OrderId}: insufficient stock for {Shortages}",
                        order.Id, string.Join(", ", shortages));
                    continue;
                }

                foreach (var line in orderLines)
                    products[line.ProductId].Stock -= line.Quantity;
                order.Status = OrderStatus.Shipped;
                logger.LogInformation("Shipped order {OrderId}: {Lines} line(s), total {Total}",
                    order.Id, orderLines.Count, order.Total);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }
}
