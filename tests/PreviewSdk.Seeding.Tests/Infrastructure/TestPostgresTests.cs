namespace PreviewSdk.Seeding.Tests.Infrastructure;

[TestClass]
public sealed class TestPostgresTests
{
    [TestMethod]
    public async Task Creates_an_empty_database_on_the_shared_server()
    {
        var postgres = await TestPostgres.Shared();
        var database = await postgres.CreateDatabaseAsync();

        var tables = await postgres.ScalarAsync<long>(database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'");

        Assert.AreEqual(0L, tables);
        Assert.AreEqual(database, await postgres.ScalarAsync<string>(database, "SELECT current_database()"));
    }
}
