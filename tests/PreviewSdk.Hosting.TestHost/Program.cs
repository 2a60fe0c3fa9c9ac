// Intentionally empty model: the tests add their own resources through the testing builder.
DistributedApplication.CreateBuilder(args).Build().Run();
