using Microsoft.EntityFrameworkCore;
using Shop.Data;

namespace Shop.Api;

public static class OrderEndpoints
{
    private const int MaxLines = 50;
    private const int MaxQuantity = 1000;
    private const decimal MaxTotal = 9_999_999_999.99m; // numeric(12,2)

    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/orders");

        group.MapGet("/", async (string? status, ShopDbContext db, CancellationToken ct) =>
        {
            var query = db.Orders.AsNoTracking();
            if (!string.IsNullOrEmpty(status))
            {
                if (!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) ||
                    !Enum.IsDefined(parsed))
                {
                    return ValidationErrors.Single("status",
                        $"Unknown status '{status}'. Use one of: {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
                }
                query = query.Where(o => o.Status == parsed);
            }

            // Newest first and bounded: this feeds a page, not an export.
            var orders = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(200)
                .Select(o => new OrderSummaryDto(o.Id, o.CustomerId, o.Customer!.Name, o.Status,
                    o.CreatedAt, o.ProcessedAt, o.Total, o.Lines.Count))
                .ToListAsync(ct);
            return Results.Ok(orders);
        });

        group.MapGet("/{id:int}", async (int id, ShopDbContext db, CancellationToken ct) =>
            await LoadAsync(db, id, ct) is { } order
                ? Results.Ok(order)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found",
                    detail: $"There is no order with id {id}."));

        group.MapPost("/", async (CreateOrderRequest request, ShopDbContext db, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            if (request.CustomerId is null)
                errors.Add("customerId", "The customerId field is required.");
            else if (!await db.Customers.AnyAsync(c => c.Id == request.CustomerId, ct))
                errors.Add("customerId", $"There is no customer with id {request.CustomerId}.");

            var lines = request.Lines ?? [];
            if (lines.Count == 0)
                errors.Add("lines", "An order needs at least one line.");
            else if (lines.Count > MaxLines)
                errors.Add("lines", $"An order can have at most {MaxLines} lines.");

            for (var i = 0; i < lines.Count && lines.Count <= MaxLines; i++)
            {
                if (lines[i]?.ProductId is null)
                    errors.Add($"lines[{i}].productId", "The productId field is required.");
                if (lines[i]?.Quantity is not (>= 1 and <= MaxQuantity))
                    errors.Add($"lines[{i}].quantity", $"The quantity must be between 1 and {MaxQuantity}.");
            }
            if (errors.HasErrors)
                return errors.ToResult();

            // The same product on two lines is one line with the summed quantity.
            var wanted = lines
                .GroupBy(l => l.ProductId!.Value)
                .Select(g => (ProductId: g.Key, Quantity: g.Sum(l => l.Quantity!.Value)))
                .ToList();
            var ids = wanted.Select(w => w.ProductId).ToList();
            var products = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

            // Stock is checked here so customers hear about it at once; the worker checks again
            // when it ships, because other orders may take the stock in between.
            foreach (var (productId, quantity) in wanted)
            {
                if (!products.TryGetValue(productId, out var product))
                    errors.Add("lines", $"There is no product with id {productId}.");
                else if (product.Stock < quantity)
                    errors.Add("lines", $"Only {product.Stock} of {product.Sku} in stock, {quantity} requested.");
            }
            if (errors.HasErrors)
                return errors.ToResult();

            var order = new Order { CustomerId = request.CustomerId!.Value, CreatedAt = DateTime.UtcNow };
            foreach (var (productId, quantity) in wanted)
                order.Lines.Add(new OrderLine
                {
                    ProductId = productId,
                    Quantity = quantity,
                    UnitPrice = products[productId].Price,
                });
            order.Total = order.Lines.Sum(l => l.Quantity * l.UnitPrice);
            if (order.Total > MaxTotal)
                return ValidationErrors.Single("lines", "The order total is too large.");

            db.Orders.Add(order);
            await db.SaveChangesAsync(ct);

            return Results.Created($"/orders/{order.Id}", await LoadAsync(db, order.Id, ct));
        });
    }

    private static Task<OrderDto?> LoadAsync(ShopDbContext db, int id, CancellationToken ct) =>
        db.Orders.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OrderDto(o.Id, o.CustomerId, o.Customer!.Name, o.Status, o.CreatedAt,
                o.ProcessedAt, o.Total,
                o.Lines.OrderBy(l => l.Id)
                    .Select(l => new OrderLineDto(l.ProductId, l.Product!.Sku, l.Product.Name, l.Quantity,
                        l.UnitPrice, Math.Round(l.Quantity * l.UnitPrice, 2)))
                    .ToList()))
            .FirstOrDefaultAsync(ct);
}
