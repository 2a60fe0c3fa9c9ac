// The tests share one workspace (its service projects are built once and then reused) and each runs a
// `dotnet build` that already uses both cores: one at a time.
[assembly: DoNotParallelize]
