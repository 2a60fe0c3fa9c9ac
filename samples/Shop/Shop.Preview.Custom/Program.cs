// A hand-written entry point for a preview app host (PreviewGenerateEntryPoint=false in the project file).
// AddPreviewResources() is still generated from preview.yaml and the ProjectReferences; this file adds what
// preview.yaml cannot say. See docs/custom-apphost.md.
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Generated;

// The preview builder: plain HTTP on free loopback ports, the environment's id on every process, and the
// state files (resources, readiness, links, logs) that -t:Preview waits for.
var builder = PreviewApplication.CreateBuilder(args);

// Everything preview.yaml declares: postgres with shopdb, the cache, shop-api, shop-worker and shop-web.
builder.AddPreviewResources();

// A second Redis server that preview.yaml does not declare. It gets its own free port and data folder, and the
// environment is ready only once it answers PING too.
var sessions = builder.AddLocalRedis("sessions");

// Resources added by the generated code are reached by name. shop-api receives ConnectionStrings__sessions and
// starts only once the sessions server is healthy; it also logs every request (appsettings.json says Warning).
builder.CreateResourceBuilder<ProjectResource>("shop-api")
    .Uses(sessions)
    .WithEnvironment("Logging__LogLevel__Microsoft.AspNetCore", "Information");

builder.Build().Run();
