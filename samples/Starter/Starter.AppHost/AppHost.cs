var builder = DistributedApplication.CreateBuilder(args);

var cache = builder.AddRedis("cache");

var postgres = builder.AddPostgres("postgres");
var catalogDb = postgres.AddDatabase("catalogdb");

// Migrates the catalog database and writes its demo rows, then reports healthy.
var migrator = builder.AddProject<Projects.Starter_Migrator>("migrator")
    .WithReference(catalogDb)
    .WaitFor(catalogDb);

var catalog = builder.AddProject<Projects.Starter_CatalogService>("catalogservice")
    .WithHttpHealthCheck("/health")
    .WithReference(catalogDb)
    .WaitFor(migrator);

// gRPC over HTTP/2 only (see its appsettings.json).
var basket = builder.AddProject<Projects.Starter_BasketService>("basketservice")
    .WithReference(cache)
    .WaitFor(cache);

builder.AddProject<Projects.Starter_Web>("webfrontend")
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithReference(catalog)
    .WithReference(basket)
    .WaitFor(catalog)
    .WaitFor(basket);

builder.Build().Run();
