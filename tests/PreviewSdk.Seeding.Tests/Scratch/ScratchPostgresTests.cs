using Npgsql;
using PreviewSdk.Seeding.Scratch;
using PreviewSdk.Seeding.Tests.Migrations;

namespace PreviewSdk.Seeding.Tests.Scratch;

[TestClass]
public sealed class ScratchPostgresTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task StartAsync_serves_a_new_database_and_dispose_removes_the_server_and_its_folder()
    {
        using var folder = new MigrationFolder();
        var server = await ScratchPostgres.StartAsync(folder.ScratchRoot, TestContext.CancellationToken);
        await using (server)
        {
            await server.CreateDatabaseAsync("shop db", TestContext.CancellationToken);
            await using var connection = new NpgsqlConnection(server.ConnectionString("shop db"));
            await connection.OpenAsync(TestContext.CancellationToken);
            await using var command = new NpgsqlCommand("SELECT current_database()", connection);

            Assert.AreEqual("shop db", await command.ExecuteScalarAsync(TestContext.CancellationToken));
            Assert.IsTrue(Directory.Exists(server.Folder));
        }

        folder.AssertScratchRemoved();
    }

    [TestMethod]
    public async Task StartAsync_removes_a_server_left_behind_by_an_owner_that_died()
    {
        using var folder = new MigrationFolder();
        // A killed build leaves its folder, with the id of a process that no longer exists, and its server running.
        var orphan = await ScratchPostgres.StartAsync(folder.ScratchRoot, TestContext.CancellationToken);
        File.WriteAllText(Path.Combine(orphan.Folder, "owner.pid"), DeadProcessId().ToString(System.Globalization.CultureInfo.InvariantCulture));

        await using (var next = await ScratchPostgres.StartAsync(folder.ScratchRoot, TestContext.CancellationToken))
        {
            Assert.IsFalse(Directory.Exists(orphan.Folder), "The orphan's folder is still there.");
            CollectionAssert.AreEqual(new[] { next.Folder }, Directory.GetDirectories(folder.ScratchRoot));
            await using var connection = new NpgsqlConnection(orphan.ConnectionString());
            await Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync(TestContext.CancellationToken));
        }

        await orphan.DisposeAsync();
        folder.AssertScratchRemoved();
    }

    private static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
