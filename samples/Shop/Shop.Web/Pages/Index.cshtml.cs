using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages;

public sealed class IndexModel(ShopApiClient api) : PageModel
{
    public ShopSummary Summary { get; private set; } = null!;
    public ProductList Products { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Summary = await api.GetSummaryAsync(ct);
        Products = await api.GetProductsAsync(ct);
    }
}
