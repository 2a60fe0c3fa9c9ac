using Starter.Basket;
using Starter.Web;
using Starter.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRazorComponents();

// "catalogservice" and "basketservice" are the app host's resource names; service discovery maps them to the
// addresses the orchestrator hands the app (services__catalogservice__http__0 …).
builder.Services.AddHttpClient<CatalogApiClient>(client => client.BaseAddress = new("https+http://catalogservice"));
builder.Services.AddGrpcClient<Basket.BasketClient>(options => options.Address = new("http://basketservice"));

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapRazorComponents<App>();
app.MapDefaultEndpoints();

app.Run();
