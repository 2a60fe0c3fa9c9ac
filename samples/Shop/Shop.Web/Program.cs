using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Shop.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddRazorPages();
builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);

// "shop-api" is a logical name: service discovery maps it to the address the orchestrator
// puts in services__shop-api__http__0.
builder.Services.AddHttpClient<ShopApiClient>(client => client.BaseAddress = new Uri("http://shop-api"));
builder.Services.ConfigureAll<HttpStandardResilienceOptions>(options =>
{
    // A person is waiting on the page: one quick retry, then the 503 page, rather than ~15 s of backoff.
    options.Retry.MaxRetryAttempts = 1;
    options.Retry.Delay = TimeSpan.FromMilliseconds(200);
    // A retried POST could create the same order twice.
    options.Retry.DisableForUnsafeHttpMethods();
});

var app = builder.Build();

app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandlingPath = "/Error",
    StatusCodeSelector = ex => ex is ShopApiUnavailableException
        ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError,
    // An unreachable API is an expected outage, logged in one line by the error page, not as a crash.
    SuppressDiagnosticsCallback = context => context.Exception is ShopApiUnavailableException,
});
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");

app.MapRazorPages();
app.MapDefaultEndpoints();

app.Run();
