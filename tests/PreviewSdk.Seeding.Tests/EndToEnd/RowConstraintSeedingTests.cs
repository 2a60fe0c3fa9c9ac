using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// Checks that tie columns of a row together, and partitions, are honoured on a real server with every allowed
/// state still produced.
/// </summary>
[TestClass]
public sealed class RowConstraintSeedingTests
{
    private const string Tickets = """
        CREATE TABLE tickets (
            id serial PRIMARY KEY,
            state text NOT NULL CHECK (state IN ('open', 'pending', 'closed', 'escalated')),
            closed_at timestamptz,
            escalated_at timestamptz,
            reopened boolean NOT NULL DEFAULT false,
            reopened_at timestamptz,
            priority text NOT NULL CHECK (priority NOT IN ('none', 'unknown')),
            code varchar(8) NOT NULL CHECK (length(code) <> 3),
            handle text NOT NULL CHECK (handle ILIKE 'tk-%'),
            quantity integer NOT NULL CHECK (quantity > 0),
            unit_price numeric(8, 2) NOT NULL CHECK (unit_price > 0),
            total numeric(12, 2) NOT NULL,
            CONSTRAINT closed_has_time CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
            CONSTRAINT escalated_has_time CHECK (NOT (state = 'escalated') OR escalated_at IS NOT NULL),
            CONSTRAINT reopened_has_time CHECK (CASE WHEN reopened THEN reopened_at IS NOT NULL ELSE reopened_at IS NULL END),
            CONSTRAINT total_is_quantity_times_price CHECK (total = quantity * unit_price));
        """;

    private const string Partitioned = """
        CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
        CREATE TABLE events (
            id bigint NOT NULL,
            user_id bigint,
            region text NOT NULL,
            occurred_at timestamptz NOT NULL,
            PRIMARY KEY (id, occurred_at)
        ) PARTITION BY RANGE (occurred_at);
        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        ALTER TABLE events_2024 ADD CONSTRAINT events_2024_user FOREIGN KEY (user_id) REFERENCES users (id);
        ALTER TABLE events_2025 ADD CONSTRAINT events_2025_user FOREIGN KEY (user_id) REFERENCES users (id);
        CREATE TABLE visits (
            id bigint NOT NULL, user_id bigint NOT NULL REFERENCES users (id), country char(2) NOT NULL,
            PRIMARY KEY (id, country)
        ) PARTITION BY LIST (country);
        CREATE TABLE visits_eu PARTITION OF visits FOR VALUES IN ('DE', 'FR', 'NL');
        CREATE TABLE visits_us PARTITION OF visits FOR VALUES IN ('US');
        """;

    [TestMethod]
    public async Task Row_ties_between_columns_hold_and_every_state_is_produced()
    {
        var target = await SeedTarget.CreateAsync(Tickets);

        await target.SeedSuccessfullyAsync(new SeedSettings { Seed = 3, DefaultRows = 400 });

        CollectionAssert.AreEquivalent(
            new[] { "closed", "escalated", "open", "pending" },
            await target.ListAsync("SELECT DISTINCT state FROM tickets"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM tickets WHERE (state = 'closed') <> (closed_at IS NOT NULL)"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM tickets WHERE state = 'escalated' AND escalated_at IS NULL"));
        Assert.IsGreaterThan(0L, await target.ScalarAsync<long>("SELECT count(*) FROM tickets WHERE reopened AND reopened_at IS NOT NULL"));
        Assert.IsGreaterThan(0L, await target.ScalarAsync<long>("SELECT count(*) FROM tickets WHERE NOT reopened AND reopened_at IS NULL"));
        Assert.AreEqual(400L, await target.ScalarAsync<long>("SELECT count(*) FROM tickets WHERE total = quantity * unit_price AND handle ILIKE 'tk-%' AND length(code) <> 3"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM tickets WHERE priority IN ('none', 'unknown')"));
    }

    [TestMethod]
    public async Task Rows_land_in_a_partition_and_foreign_keys_declared_on_partitions_hold()
    {
        var target = await SeedTarget.CreateAsync(Partitioned);

        await target.SeedSuccessfullyAsync(new SeedSettings { Seed = 8, DefaultRows = 200 });

        Assert.AreEqual(200L, await target.CountAsync("events"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM events e WHERE e.user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = e.user_id)"));
        Assert.IsGreaterThan(0L, await target.ScalarAsync<long>("SELECT count(*) FROM events WHERE user_id IS NOT NULL"));
        Assert.AreEqual(200L, await target.CountAsync("visits"));
    }

    [TestMethod]
    public void The_parser_reads_row_ties_as_pg_get_constraintdef_prints_them()
    {
        Assert.AreEqual(
            new NullWhen("closed_at", new RowCondition("state", ["closed"], false, false), NullRequirement.NotNull, NullRequirement.Null).ToString(),
            CheckExpressionParser.Parse("CHECK ((((state)::text = 'closed'::text) = (closed_at IS NOT NULL)))")!.Single().ToString());
        Assert.AreEqual(
            new NullWhen("shipped_at", new RowCondition("state", ["shipped"], false, true), NullRequirement.Any, NullRequirement.NotNull).ToString(),
            CheckExpressionParser.Parse("CHECK (((NOT ((state)::text = 'shipped'::text)) OR (shipped_at IS NOT NULL)))")!.Single().ToString());
        Assert.IsInstanceOfType<NullWhen>(CheckExpressionParser.Parse("CHECK (CASE WHEN reopened THEN (reopened_at IS NOT NULL) ELSE (reopened_at IS NULL) END)")!.Single());
        Assert.AreEqual("\"quantity\" * \"unit_price\"", ((ComputedAs)CheckExpressionParser.Parse("CHECK ((total = ((quantity)::numeric * unit_price)))")!.Single()).Expression.Replace("(", string.Empty).Replace(")::numeric", string.Empty).Replace(")", string.Empty));
        Assert.IsInstanceOfType<NotInList>(CheckExpressionParser.Parse("CHECK ((priority <> ALL (ARRAY['none'::text, 'unknown'::text])))")!.Single());
    }
}
