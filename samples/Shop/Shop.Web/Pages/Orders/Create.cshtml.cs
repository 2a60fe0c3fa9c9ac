using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages.Orders;

public sealed class CreateModel(ShopApiClient api) : PageModel
{
    [BindProperty]
    public int? CustomerId { get; set; }

    [BindProperty]
    public int? ProductId { get; set; }

    [BindProperty]
    public int? Quantity { get; set; }

    public IReadOnlyList<CustomerItem> Customers { get; private set; } = [];
    public IReadOnlyList<ProductItem> Products { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await api.CreateOrderAsync(CustomerId, ProductId, Quantity, ct);
            if (result.Succeeded)
            {
                TempData["Message"] = $"Placed order #{result.Value!.Id} ({result.Value.Total:0.00}); it is {result.Value.Status.ToLowerInvariant()}.";
                return RedirectToPage("/Orders/Index");
            }
            Errors = result.Errors;
        }
        else
        {
            Errors = ModelState.FormErrors();
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Customers = await api.GetCustomersAsync(ct);
        Products = (await api.GetProductsAsync(ct)).Items;
    }
}
