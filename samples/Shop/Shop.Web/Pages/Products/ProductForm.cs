namespace Shop.Web.Pages.Products;

// Nullable so that an empty field reaches the API, which reports it as required.
public sealed class ProductForm
{
    public string? Sku { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public decimal? Price { get; set; }
    public int? Stock { get; set; }
    public string? Category { get; set; }

    public ProductInput ToInput() => new(Sku, Name, Description, Price, Stock, Category);
}
