namespace PreviewSdk.Seeding.Tests.Infrastructure;

[TestClass]
public static class AssemblySetup
{
    /// <summary>Stops the shared PostgreSQL server (if a test started it) so the run leaves no process behind.</summary>
    [AssemblyCleanup]
    public static Task StopPostgres() => TestPostgres.StopShared();
}
