using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages.Customers;

public sealed class IndexModel(ShopApiClient api) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    public IReadOnlyList<CustomerItem> Customers { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Customers = await api.GetCustomersAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await api.CreateCustomerAsync(new CustomerInput(Name, Email), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Added customer {result.Value!.Name}.";
            return RedirectToPage();
        }

        Errors = result.Errors;
        Customers = await api.GetCustomersAsync(ct);
        return Page();
    }
}
