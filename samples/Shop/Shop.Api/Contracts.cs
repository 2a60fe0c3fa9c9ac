using Shop.Data;

namespace Shop.Api;

// Request fields are nullable so that a missing field is reported as a validation error
// instead of silently binding to 0 or "".

public sealed record ServiceSummary(
    string Service, int Products, int Customers, int Orders, IReadOnlyDictionary<string, int> OrdersByStatus);

public sealed record ProductDto(
    int Id, string Sku, string Name, string Description, decimal Price, int Stock, string Category);

public sealed record CreateProductRequest(
    string? Sku, string? Name, string? Description, decimal? Price, int? Stock, string? Category);

public sealed record UpdateProductRequest(
    string? Name, string? Description, decimal? Price, int? Stock, string? Category);

public sealed record CustomerDto(int Id, string Name, string Email, DateTime CreatedAt, int OrderCount);

public sealed record CreateCustomerRequest(string? Name, string? Email);

public sealed record OrderSummaryDto(
    int Id, int CustomerId, string CustomerName, OrderStatus Status,
    DateTime CreatedAt, DateTime? ProcessedAt, decimal Total, int LineCount);

public sealed record OrderLineDto(
    int ProductId, string Sku, string ProductName, int Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record OrderDto(
    int Id, int CustomerId, string CustomerName, OrderStatus Status,
    DateTime CreatedAt, DateTime? ProcessedAt, decimal Total, IReadOnlyList<OrderLineDto> Lines);

public sealed record CreateOrderRequest(int? CustomerId, IReadOnlyList<CreateOrderLine>? Lines);

public sealed record CreateOrderLine(int? ProductId, int? Quantity);

internal static class Mapping
{
    public static ProductDto ToDto(this Product p) =>
        new(p.Id, p.Sku, p.Name, p.Description, p.Price, p.Stock, p.Category);
}
