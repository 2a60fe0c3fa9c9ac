using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Shop.Data;

namespace Shop.Api;

public static class ProductEndpoints
{
    public static void MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/products");

        group.MapGet("/", async (HttpContext http, ShopDbContext db, ProductCache cache,
            IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            var cached = await cache.GetAsync();
            if (cached is not null)
            {
                http.Response.Headers["X-Cache"] = "hit";
                return Results.Text(cached, "application/json");
            }

            var products = await db.Products.AsNoTracking().OrderBy(p => p.Id)
                .Select(p => new ProductDto(p.Id, p.Sku, p.Name, p.Description, p.Price, p.Stock, p.Category))
                .ToListAsync(ct);
            var body = JsonSerializer.Serialize(products, json.Value.SerializerOptions);
            await cache.SetAsync(body);

            http.Response.Headers["X-Cache"] = "miss";
            return Results.Text(body, "application/json");
        });

        group.MapGet("/{id:int}", async (int id, ShopDbContext db, CancellationToken ct) =>
            await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } product
                ? Results.Ok(product.ToDto())
                : NotFound(id));

        group.MapPost("/", async (CreateProductRequest request, ShopDbContext db, ProductCache cache,
            CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            errors.Required("sku", request.Sku, 64);
            ValidateFields(errors, request.Name, request.Description, request.Price, request.Stock, request.Category);
            if (errors.HasErrors)
                return errors.ToResult();

            var sku = request.Sku!.Trim().ToUpperInvariant();
            if (await db.Products.AnyAsync(p => p.Sku == sku, ct))
                return ValidationErrors.Single("sku", $"A product with SKU '{sku}' already exists.");

            var product = new Product
            {
                Sku = sku,
                Name = request.Name!.Trim(),
                Description = request.Description?.Trim() ?? "",
                Price = request.Price!.Value,
                Stock = request.Stock!.Value,
                Category = request.Category!.Trim(),
            };
            db.Products.Add(product);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ValidationErrors.IsUniqueViolation(ex))
            {
                return ValidationErrors.Single("sku", $"A product with SKU '{sku}' already exists.");
            }

            await cache.InvalidateAsync();
            return Results.Created($"/products/{product.Id}", product.ToDto());
        });

        group.MapPut("/{id:int}", async (int id, UpdateProductRequest request, ShopDbContext db,
            ProductCache cache, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            ValidateFields(errors, request.Name, request.Description, request.Price, request.Stock, request.Category);
            if (errors.HasErrors)
                return errors.ToResult();

            var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (product is null)
                return NotFound(id);

            product.Name = request.Name!.Trim();
            product.Description = request.Description?.Trim() ?? "";
            product.Price = request.Price!.Value;
            product.Stock = request.Stock!.Value;
            product.Category = request.Category!.Trim();
            await db.SaveChangesAsync(ct);

            await cache.InvalidateAsync();
            return Results.Ok(product.ToDto());
        });
    }

    private static void ValidateFields(ValidationErrors errors, string? name, string? description,
        decimal? price, int? stock, string? category)
    {
        errors.Required("name", name, 200);
        errors.Required("category", category, 100);
        if (description is { Length: > 2000 })
            errors.Add("description", "The description field must be at most 2000 characters.");

        // numeric(10,2): up to 8 integer digits and 2 decimals.
        if (price is null)
            errors.Add("price", "The price field is required.");
        else if (price < 0 || price >= 100_000_000m)
            errors.Add("price", "The price must be between 0 and 99999999.99.");
        else if (decimal.Round(price.Value, 2) != price.Value)
            errors.Add("price", "The price can have at most 2 decimal places.");

        if (stock is null)
            errors.Add("stock", "The stock field is required.");
        else if (stock < 0)
            errors.Add("stock", "The stock cannot be negative.");
    }

    private static IResult NotFound(int id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Product not found",
            detail: $"There is no product with id {id}.");
}
