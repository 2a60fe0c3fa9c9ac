using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Shop.Api;
using Shop.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<ShopDbContext>("shopdb");
builder.AddProductCache();

builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();

// Unhandled errors and bare status codes (404, malformed JSON) become ProblemDetails too.
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapGet("/", async (ShopDbContext db, CancellationToken ct) =>
{
    var byStatus = await db.Orders
        .GroupBy(o => o.Status)
        .Select(g => new { Status = g.Key, Count = g.Count() })
        .ToDictionaryAsync(x => x.Status.ToString(), x => x.Count, ct);

    return Results.Ok(new ServiceSummary(
        Service: "shop-api",
        Products: await db.Products.CountAsync(ct),
        Customers: await db.Customers.CountAsync(ct),
        Orders: byStatus.Values.Sum(),
        OrdersByStatus: byStatus));
});

app.MapProductEndpoints();
app.MapCustomerEndpoints();
app.MapOrderEndpoints();
app.MapDefaultEndpoints();

await DatabaseStartup.MigrateAndSeedAsync(app);

app.Run();
