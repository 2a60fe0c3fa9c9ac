using Microsoft.EntityFrameworkCore;
using Starter.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<CatalogDbContext>("catalogdb");

var app = builder.Build();

app.MapGet("/", async (CatalogDbContext db) =>
    $"Catalog service: {await db.CatalogItems.CountAsync()} items in {await db.CatalogTypes.CountAsync()} types. The items are at /api/catalog/items.");

app.MapGet("/api/catalog/items", async (CatalogDbContext db) =>
    await db.CatalogItems
        .OrderBy(item => item.Id)
        .Select(item => new CatalogItemView(item.Id, item.Name, item.Description, item.Price, item.CatalogType!.Name))
        .ToListAsync());

app.MapDefaultEndpoints();

app.Run();

internal sealed record CatalogItemView(int Id, string Name, string? Description, decimal Price, string Type);
