// The service the hosting tests watch. Its address comes from PORT (Aspire's endpoint), its telemetry goes where
// OTEL_EXPORTER_OTLP_ENDPOINT says (the environment's dashboard).
using OpenTelemetry;
using OpenTelemetry.Logs;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration["PORT"] ?? "0"}");
if (!string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
{
    builder.Logging.AddOpenTelemetry(logging => logging.IncludeFormattedMessage = true);
    builder.Services.AddOpenTelemetry().UseOtlpExporter();
}

var app = builder.Build();

// Migrates its database as it starts, as an app with EF Core migrations does: what a seed's migrations.service waits for.
if (builder.Configuration.GetConnectionString("appdb") is { Length: > 0 } connectionString)
{
    await using var connection = new Npgsql.NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var migrate = new Npgsql.NpgsqlCommand(
        "CREATE TABLE IF NOT EXISTS things (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(40) NOT NULL)", connection);
    await migrate.ExecuteNonQueryAsync();
}

var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TestService");
var broken = false;

app.MapGet("/", () => "test service: ok");
app.MapGet("/health", () => Results.Text("Healthy"));
// Answers 500 while broken: a check of it fails, and passes again once mended.
app.MapGet("/flaky", () => broken ? Results.StatusCode(500) : Results.Text("flaky: fine"));
app.MapPost("/break", () => { broken = true; return Results.Ok(); });
app.MapPost("/mend", () => { broken = false; return Results.Ok(); });
app.MapGet("/broken", () => Results.StatusCode(500));
// A burst of error logs, as a failing dependency makes a service write them.
app.MapPost("/errors", (int count) =>
{
    for (var i = 1; i <= count; i++)
    {
        log.LogError("test service: error {Number} of {Count} on purpose", i, count);
    }

    return Results.Ok(count);
});
app.Run();
