using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shop.Web.Pages.Products;

public sealed class EditModel(ShopApiClient api) : PageModel
{
    [BindProperty]
    public ProductForm Input { get; set; } = new();

    [BindProperty]
    public string Sku { get; set; } = "";

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var product = await api.GetProductAsync(id, ct);
        if (product is null)
            return NotFound();

        Sku = product.Sku;
        Input = new ProductForm
        {
            Sku = product.Sku,
            Name = product.Name,
            Description = product.Description,
            Price = product.Price,
            Stock = product.Stock,
            Category = product.Category,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Errors = ModelState.FormErrors();
            return Page();
        }

        var result = await api.UpdateProductAsync(id, Input.ToInput(), ct);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        TempData["Message"] = $"Saved {result.Value!.Sku}: price {result.Value.Price:0.00}, stock {result.Value.Stock}.";
        return RedirectToPage("/Index");
    }
}
