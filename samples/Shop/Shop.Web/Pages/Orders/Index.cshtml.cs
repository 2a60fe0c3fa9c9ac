using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages.Orders;

public sealed class IndexModel(ShopApiClient api) : PageModel
{
    public static readonly string[] Statuses = ["Pending", "Processing", "Shipped", "Cancelled"];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<OrderItem> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Only known statuses are passed on; anything else shows all orders.
        Status = Statuses.FirstOrDefault(s => string.Equals(s, Status, StringComparison.OrdinalIgnoreCase));
        Orders = await api.GetOrdersAsync(Status, ct);
    }
}
