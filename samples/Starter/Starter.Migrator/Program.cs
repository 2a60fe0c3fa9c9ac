using Starter.Data;
using Starter.Migrator;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<CatalogDbContext>("catalogdb");
builder.Services.AddSingleton<MigrationProgress>();
builder.Services.AddHostedService<CatalogMigration>();
// Degraded while it migrates: the service is up (its /health answers 200), the database is not ready yet.
builder.Services.AddHealthChecks().AddCheck<MigrationHealthCheck>("migration");

var app = builder.Build();

app.MapGet("/", (MigrationProgress progress) => progress.Describe());
app.MapDefaultEndpoints();

app.Run();
