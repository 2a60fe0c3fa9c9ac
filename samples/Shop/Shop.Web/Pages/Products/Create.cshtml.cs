using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages.Products;

public sealed class CreateModel(ShopApiClient api) : PageModel
{
    [BindProperty]
    public ProductForm Input { get; set; } = new();

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Errors = ModelState.FormErrors();
            return Page();
        }

        var result = await api.CreateProductAsync(Input.ToInput(), ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        TempData["Message"] = $"Created product {result.Value!.Sku}.";
        return RedirectToPage("/Index");
    }
}
