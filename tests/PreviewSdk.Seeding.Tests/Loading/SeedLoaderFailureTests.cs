using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Schema;
using static PreviewSdk.Seeding.Tests.Loading.TestSchema;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>A load that fails or is cancelled writes nothing: one transaction, rolled back, and a coded error.</summary>
[TestClass]
public sealed class SeedLoaderFailureTests
{
    private const string Tables =
        "CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL); " +
        "CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), " +
        "quantity integer NOT NULL CONSTRAINT orders_quantity_positive CHECK (quantity > 0))";

    private static readonly TableSchema Customers =
        Table("customers", Column("id", Integer, nullable: false), Column("name", Text, nullable: false));

    private static readonly TableSchema Orders = Table(
        "orders", Column("id", Integer, nullable: false), Column("customer_id", Integer, nullable: false), Column("quantity", Integer, nullable: false));

    [TestMethod]
    public async Task LoadAsync_reports_a_violated_constraint_as_PREVIEW4041_and_writes_nothing()
    {
        var database = await TestDatabase.CreateAsync(Tables);
        var seed = new SeedPlan(1,
        [
            new FixedTablePlan(Customers, [Row(1, "ann"), Row(2, "bob")]),
            new FixedTablePlan(Orders, [Row(1, 1, 3), Row(2, 2, -1)]),
        ]);
        await using var connection = await database.OpenAsync();

        var error = await Assert.ThrowsExactlyAsync<SeedLoadException>(
            () => SeedLoader.LoadAsync(connection, seed, new SeedLoadOptions { SourceFile = "preview/preview.yaml" }, CancellationToken.None));

        var diagnostic = error.Diagnostic;
        Assert.AreEqual(DiagnosticCodes.SeedLoadFailed, diagnostic.Code);
        Assert.AreEqual("preview/preview.yaml", diagnostic.File);
        Assert.StartsWith("Seeding 'orders' failed: 23514: ", diagnostic.Message);
        Assert.Contains("(constraint 'orders_quantity_positive'); nothing was written", diagnostic.Message);
        Assert.IsInstanceOfType<PostgresException>(error.InnerException);
        Assert.AreEqual(0L, await database.CountAsync("customers"), "the customers loaded before the failure are rolled back");
        Assert.AreEqual(0L, await database.CountAsync("orders"));
        await using var probe = new NpgsqlCommand("SELECT 1", connection);
        Assert.AreEqual(1, await probe.ExecuteScalarAsync(), "the connection is usable after the failure");
    }

    [TestMethod]
    public async Task LoadAsync_reports_a_failure_in_the_second_pass_against_its_table()
    {
        var database = await TestDatabase.CreateAsync(Tables + "; ALTER TABLE customers ADD referrer_id integer REFERENCES customers (id)");
        var id = Column("id", Integer, nullable: false);
        var referrer = Column("referrer_id", Integer);
        var customers = Table("customers", id, Column("name", Text, nullable: false), referrer);
        var plan = new FixedTablePlan(
            customers, customers.Columns.Take(2).ToList(), () => [Row(1, "ann")], deferredColumns: [referrer], key: [id], deferredRows: [Row(1, 99)]);
        await using var connection = await database.OpenAsync();

        var error = await Assert.ThrowsExactlyAsync<SeedLoadException>(
            () => SeedLoader.LoadAsync(connection, new SeedPlan(1, [plan]), new SeedLoadOptions(), CancellationToken.None));

        Assert.StartsWith("Seeding 'customers' failed: 23503: ", error.Diagnostic.Message);
        Assert.Contains("customers_referrer_id_fkey", error.Diagnostic.Message);
        Assert.Contains("(referrer_id)=(99)", error.Diagnostic.Details ?? string.Empty, "PostgreSQL's detail goes under the message");
        Assert.AreEqual(0L, await database.CountAsync("customers"));
    }

    [TestMethod]
    public async Task LoadAsync_rolls_back_every_table_when_cancelled_halfway()
    {
        var database = await TestDatabase.CreateAsync(Tables);
        using var cancellation = new CancellationTokenSource();
        var seed = new SeedPlan(1,
        [
            new FixedTablePlan(Customers, Customers.Columns, () => Enumerable.Range(1, 1_000).Select(n => Row(n, $"c{n}"))),
            new FixedTablePlan(Orders, Orders.Columns, () => OrdersCancellingAfter(500, cancellation)),
        ]);
        await using var connection = await database.OpenAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => SeedLoader.LoadAsync(connection, seed, new SeedLoadOptions(), cancellation.Token));

        Assert.AreEqual(0L, await database.CountAsync("customers"));
        Assert.AreEqual(0L, await database.CountAsync("orders"));
        await using var probe = new NpgsqlCommand("SELECT 1", connection);
        Assert.AreEqual(1, await probe.ExecuteScalarAsync(), "the connection is usable after the cancellation");
    }

    [TestMethod]
    public async Task LoadAsync_writes_nothing_when_cancelled_before_it_starts()
    {
        var database = await TestDatabase.CreateAsync(Tables);
        await using var connection = await database.OpenAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(() => SeedLoader.LoadAsync(
            connection, new SeedPlan(1, [new FixedTablePlan(Customers, [Row(1, "ann")])]), new SeedLoadOptions(), new CancellationToken(canceled: true)));

        Assert.AreEqual(0L, await database.CountAsync("customers"));
    }

    private static IEnumerable<object?[]> OrdersCancellingAfter(int rows, CancellationTokenSource cancellation)
    {
        for (var n = 1; n <= 10_000; n++)
        {
            if (n == rows)
            {
                cancellation.Cancel();
            }

            yield return Row(n, 1 + (n % 1_000), 1);
        }
    }
}
