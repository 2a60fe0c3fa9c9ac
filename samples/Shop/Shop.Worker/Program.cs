using Shop.Data;
using Shop.Worker;

var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<ShopDbContext>("shopdb");
// OrderProcessor logs each failed pass itself; EF's own error log would repeat it with a stack trace every 2 s.
builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database", LogLevel.Critical);

builder.Services.Configure<OrderProcessingOptions>(builder.Configuration.GetSection("Orders"));
builder.Services.AddHostedService<OrderProcessor>();

builder.Build().Run();
