using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Polly;

namespace Shop.Web;

public sealed record ShopSummary(
    string Service, int Products, int Customers, int Orders, Dictionary<string, int> OrdersByStatus);

public sealed record ProductItem(
    int Id, string Sku, string Name, string Description, decimal Price, int Stock, string Category);

public sealed record ProductList(IReadOnlyList<ProductItem> Items, bool FromCache);

public sealed record CustomerItem(int Id, string Name, string Email, DateTime CreatedAt, int OrderCount);

public sealed record OrderItem(
    int Id, int CustomerId, string CustomerName, string Status,
    DateTime CreatedAt, DateTime? ProcessedAt, decimal Total, int LineCount);

public sealed record CreatedOrder(int Id, string Status, decimal Total);

public sealed record ProductInput(
    string? Sku, string? Name, string? Description, decimal? Price, int? Stock, string? Category);

public sealed record CustomerInput(string? Name, string? Email);

/// <summary>The result of a write: the created/updated item, or the API's validation messages.</summary>
public sealed record ApiResult<T>(T? Value, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The API could not be reached or did not answer sensibly; pages turn this into a 503.</summary>
public sealed class ShopApiUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class ShopApiClient(HttpClient http)
{
    public Task<ShopSummary> GetSummaryAsync(CancellationToken ct) => GetAsync<ShopSummary>("/", ct);

    public async Task<ProductList> GetProductsAsync(CancellationToken ct)
    {
        using var response = await SendAsync(c => c.GetAsync("/products", ct));
        var items = await ReadAsync<List<ProductItem>>(response, ct);
        var fromCache = response.Headers.TryGetValues("X-Cache", out var values) && values.Contains("hit");
        return new ProductList(items, fromCache);
    }

    public async Task<ProductItem?> GetProductAsync(int id, CancellationToken ct)
    {
        using var response = await SendAsync(c => c.GetAsync($"/products/{id}", ct));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<ProductItem>(response, ct);
    }

    public Task<ApiResult<ProductItem>> CreateProductAsync(ProductInput input, CancellationToken ct) =>
        WriteAsync<ProductItem>(c => c.PostAsJsonAsync("/products", input, ct), ct);

    public Task<ApiResult<ProductItem>> UpdateProductAsync(int id, ProductInput input, CancellationToken ct) =>
        WriteAsync<ProductItem>(c => c.PutAsJsonAsync($"/products/{id}", input, ct), ct);

    public Task<List<CustomerItem>> GetCustomersAsync(CancellationToken ct) =>
        GetAsync<List<CustomerItem>>("/customers", ct);

    public Task<ApiResult<CustomerItem>> CreateCustomerAsync(CustomerInput input, CancellationToken ct) =>
        WriteAsync<CustomerItem>(c => c.PostAsJsonAsync("/customers", input, ct), ct);

    public Task<List<OrderItem>> GetOrdersAsync(string? status, CancellationToken ct) =>
        GetAsync<List<OrderItem>>(
            string.IsNullOrEmpty(status) ? "/orders" : $"/orders?status={Uri.EscapeDataString(status)}", ct);

    public Task<ApiResult<CreatedOrder>> CreateOrderAsync(int? customerId, int? productId, int? quantity,
        CancellationToken ct) =>
        WriteAsync<CreatedOrder>(c => c.PostAsJsonAsync("/orders",
            new { customerId, lines = new[] { new { productId, quantity } } }, ct), ct);

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendAsync(c => c.GetAsync(path, ct));
        return await ReadAsync<T>(response, ct);
    }

    private async Task<ApiResult<T>> WriteAsync<T>(Func<HttpClient, Task<HttpResponseMessage>> send,
        CancellationToken ct)
    {
        using var response = await SendAsync(send);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(ct);
            var errors = problem?.Errors.SelectMany(e => e.Value).ToList() ?? [];
            if (errors.Count == 0)
                errors.Add(problem?.Detail ?? problem?.Title ?? "The request was rejected.");
            return new ApiResult<T>(default, errors);
        }
        return new ApiResult<T>(await ReadAsync<T>(response, ct), []);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send(http);
        }
        // Connection refused, DNS failure, resilience timeout or open circuit all mean the same to a visitor.
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException)
        {
            throw new ShopApiUnavailableException($"The shop API at {http.BaseAddress} is unreachable: {ex.Message}", ex);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
            throw new ShopApiUnavailableException(
                $"The shop API answered {(int)response.StatusCode} {response.ReasonPhrase} to {response.RequestMessage?.RequestUri?.PathAndQuery}.");
        return await response.Content.ReadFromJsonAsync<T>(ct)
            ?? throw new ShopApiUnavailableException("The shop API returned an empty body.");
    }
}
