using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class TimeoutDiagnosisTests
{
    [TestMethod]
    public void Describe_NamesEveryUnhealthyServiceWithItsHealthAnswer_NotTheSeedThatWaitsNorTheOneThatFinished()
    {
        var report = Report(
            Resource("postgres", "Running", "Healthy"),
            Resource("catalogdb", "Running", "Healthy", waitsFor: ["postgres"]),
            Resource("migrator", "Running", "Healthy", waitsFor: ["catalogdb"]),
            Resource("catalogdb-seed", "Finished", null, exitCode: 0, waitsFor: ["catalogdb", "migrator"]),
            Resource("catalog", "Running", "Unhealthy", waitsFor: ["catalogdb"],
                answer: "GET http://localhost:41234/health answered 404 Not Found"),
            Resource("basket", "Running", "Unhealthy",
                answer: "GET http://localhost:41235/health failed: An HTTP/1.x request was sent to an HTTP/2 only endpoint."),
            Resource("web", "Waiting", null, waitsFor: ["catalog", "basket"]),
            Resource("ordersdb-seed", "Waiting for orders", null, waitsFor: ["basket"]));

        var diagnosis = TimeoutDiagnosis.Of(report);

        CollectionAssert.AreEqual(new[] { "catalog", "basket" }, diagnosis.AtFault.Select(r => r.Name).ToArray());
        Assert.AreEqual(
            "'catalog' is Running, Unhealthy (GET http://localhost:41234/health answered 404 Not Found); " +
            "'basket' is Running, Unhealthy (GET http://localhost:41235/health failed: An HTTP/1.x request was sent to an HTTP/2 only endpoint.); " +
            "waiting for them: 'web', 'ordersdb-seed'",
            diagnosis.Describe());
    }

    [TestMethod]
    public void Of_SeedWaitingForMigrationsOfAHealthyService_IsAtFaultItself()
    {
        var report = Report(
            Resource("catalogdb", "Running", "Healthy"),
            Resource("migrator", "Running", "Healthy", waitsFor: ["catalogdb"]),
            Resource("catalogdb-seed", "Waiting for migrations", null, waitsFor: ["catalogdb", "migrator"]),
            Resource("web", "Running", null, checks: 1));

        var diagnosis = TimeoutDiagnosis.Of(report);

        // A web service whose checks have not answered yet is not ready either.
        CollectionAssert.AreEqual(new[] { "catalogdb-seed", "web" }, diagnosis.AtFault.Select(r => r.Name).ToArray());
        Assert.StartsWith("'catalogdb-seed' is Waiting for migrations; 'web' is Running", diagnosis.Describe());
    }

    [TestMethod]
    public void Of_NothingReportedYet_SaysSo()
    {
        Assert.AreEqual("the app host had not reported any resource yet", TimeoutDiagnosis.Of(null).Describe());
    }

    private static ResourcesReport Report(params ResourceStatus[] resources) => new() { UpdatedAt = DateTimeOffset.UtcNow, Resources = resources };

    private static ResourceStatus Resource(string name, string state, string? health, int? exitCode = null, string[]? waitsFor = null, string? answer = null, int checks = 0) => new()
    {
        Name = name,
        Type = "Project",
        State = state,
        Health = health,
        ExitCode = exitCode,
        WaitsFor = waitsFor ?? [],
        HealthChecks = answer is null
            ? Enumerable.Range(0, checks).Select(i => new HealthCheckAnswer($"check{i}", null, null)).ToList()
            : [new HealthCheckAnswer($"{name}_preview_health", health, answer)],
    };
}
