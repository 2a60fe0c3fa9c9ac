namespace Starter.Web;

public sealed class CatalogApiClient(HttpClient httpClient)
{
    public async Task<IReadOnlyList<CatalogItem>> GetItemsAsync(CancellationToken cancellationToken = default) =>
        await httpClient.GetFromJsonAsync<List<CatalogItem>>("/api/catalog/items", cancellationToken) ?? [];
}

public sealed record CatalogItem(int Id, string Name, string? Description, decimal Price, string Type);
