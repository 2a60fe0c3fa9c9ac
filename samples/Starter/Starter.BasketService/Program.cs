using Starter.BasketService;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("cache");
builder.Services.AddGrpc();

var app = builder.Build();

app.MapGrpcService<BasketService>();
app.MapGet("/", () => "Basket service: a gRPC service (HTTP/2 only); Starter.Web talks to it with its Basket client.");
app.MapDefaultEndpoints();

app.Run();
