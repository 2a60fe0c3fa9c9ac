using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// The shapes of the real application schemas (RealSchemas/manifest.tsv) that the seeder failed on, each reduced to
/// a few lines and seeded on a real server: the regression test of each fix.
/// </summary>
[TestClass]
public sealed class RealSchemaShapeTests
{
    [TestMethod]
    public async Task A_check_that_keeps_a_column_in_one_case_is_met_by_every_row()
    {
        // PowerDNS 4.7: CONSTRAINT c_lowercase_name CHECK (((name)::TEXT = LOWER((name)::TEXT))), with a unique index.
        var target = await SeedTarget.CreateAsync("""
            CREATE TABLE domains (
                id SERIAL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                code text NOT NULL CHECK (upper(code) = code),
                CONSTRAINT c_lowercase_name CHECK (((name)::TEXT = LOWER((name)::TEXT))));
            CREATE UNIQUE INDEX name_index ON domains(name);
            """);

        await target.SeedSuccessfullyAsync(new SeedSettings { Seed = 5, DefaultRows = 300 });

        Assert.AreEqual(300L, await target.CountAsync("domains"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM domains WHERE name <> lower(name) OR code <> upper(code)"));
        Assert.IsTrue(await target.ScalarAsync<bool>("SELECT count(*) FILTER (WHERE name ~ '[a-z]') = count(*) FROM domains"), "Lower-case letters, not digits alone.");
    }

    [TestMethod]
    public async Task A_default_row_count_that_a_short_key_cannot_hold_becomes_what_the_key_holds_with_a_note()
    {
        // Bacula 9.6: CREATE TABLE Status (JobStatus CHAR(1) NOT NULL, JobStatusLong TEXT, Severity INT, PRIMARY KEY (JobStatus)),
        // and a job table that points at it: 50 rows by default, but a char(1) key holds 36 codes.
        const string Schema = """
            CREATE TABLE status (jobstatus char(1) NOT NULL, jobstatuslong text, severity int, PRIMARY KEY (jobstatus));
            CREATE TABLE job (jobid serial PRIMARY KEY, jobstatus char(1) NOT NULL REFERENCES status (jobstatus), UNIQUE (jobstatus));
            CREATE TABLE client (clientid serial PRIMARY KEY, name text NOT NULL);
            """;
        var target = await SeedTarget.CreateAsync(Schema);

        var result = await target.SeedAsync(new SeedSettings { Seed = 5 });

        Assert.IsTrue(result.Succeeded, SeedTarget.Describe(result.Diagnostics));
        Assert.AreEqual(36L, await target.CountAsync("status"));
        Assert.AreEqual(36L, await target.CountAsync("job"), "A one-to-one child of the limited table is limited in turn.");
        Assert.AreEqual(50L, await target.CountAsync("client"));
        StringAssert.Contains(result.Report, "status gets 36 rows, not 50: its unique key status_pkey (jobstatus) can hold no more distinct values.");

        var explicitCount = await SeedTarget.CreateAsync(Schema);
        var refused = await explicitCount.SeedAsync(new SeedSettings { Seed = 5, Tables = new Dictionary<string, TableSeedSettings> { ["status"] = new() { Rows = 40 } } });
        StringAssert.Contains(SeedTarget.SingleError(refused, DiagnosticCodes.SeedUniqueUnsatisfiable).Message, "only 36 distinct values can be generated for the 40 rows of 'status'");
    }

    [TestMethod]
    public async Task The_databases_triggers_fire_and_keep_derived_columns_right()
    {
        // Zabbix 6.0: an AFTER INSERT trigger sets hosts.name_upper = upper(name) for the row just inserted.
        var target = await SeedTarget.CreateAsync("""
            CREATE TABLE hosts (hostid bigint NOT NULL, name varchar(128) DEFAULT '' NOT NULL, name_upper varchar(128) DEFAULT '' NOT NULL, PRIMARY KEY (hostid));
            CREATE FUNCTION hosts_name_upper_upper() RETURNS trigger LANGUAGE plpgsql AS $func$
            BEGIN UPDATE hosts SET name_upper = upper(name) WHERE hostid = new.hostid; RETURN NULL; END $func$;
            CREATE TRIGGER hosts_name_upper_insert AFTER INSERT ON hosts FOR EACH ROW EXECUTE FUNCTION hosts_name_upper_upper();
            """);

        await target.SeedSuccessfullyAsync(new SeedSettings { Seed = 5 });

        Assert.AreEqual(50L, await target.CountAsync("hosts"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM hosts WHERE name_upper <> upper(name)"));
    }

    [TestMethod]
    public async Task A_table_a_trigger_fills_as_another_is_seeded_keeps_the_triggers_rows_and_gets_none_generated()
    {
        // An audit trigger: one order_audit row per order, with its own serial key. Generated audit keys 1..50 would
        // collide with the ones the trigger took (23505 before). The trigger also sees that the seed is running.
        var target = await SeedTarget.CreateAsync("""
            CREATE TABLE orders (id serial PRIMARY KEY, total numeric(10, 2) NOT NULL);
            CREATE TABLE order_audit (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders (id), action text NOT NULL, seeding text);
            CREATE FUNCTION audit_order() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO order_audit (order_id, action, seeding) VALUES (NEW.id, 'insert', current_setting('previewsdk.seeding', true));
                RETURN NEW;
            END $$;
            CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();
            """);

        var result = await target.SeedAsync(new SeedSettings { Seed = 5 });

        Assert.IsTrue(result.Succeeded, SeedTarget.Describe(result.Diagnostics));
        Assert.AreEqual(50L, await target.CountAsync("orders"));
        Assert.AreEqual(50L, await target.ScalarAsync<long>("SELECT count(*) FROM order_audit WHERE action = 'insert' AND seeding = 'on'"), "Only the trigger's rows.");
        Assert.AreEqual(50L, await target.ScalarAsync<long>("SELECT count(DISTINCT order_id) FROM order_audit"));
        Assert.AreEqual(50L, result.Summary!.Tables.Single(t => t.Table == "order_audit").Rows);
        StringAssert.Contains(result.Report, "### order_audit: 50 rows\n\nWritten by the database's own triggers");
        Assert.AreEqual("", await target.ScalarAsync<string>("SELECT coalesce(current_setting('previewsdk.seeding', true), '')"), "The mark ends with the seed's transaction.");
    }

    [TestMethod]
    public async Task A_trigger_filled_table_that_other_tables_reference_is_PREVIEW4161_and_nothing_is_written()
    {
        var target = await SeedTarget.CreateAsync("""
            CREATE TABLE orders (id serial PRIMARY KEY, total numeric(10, 2) NOT NULL);
            CREATE TABLE order_audit (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders (id));
            CREATE TABLE audit_reviews (id serial PRIMARY KEY, audit_id int NOT NULL REFERENCES order_audit (id));
            CREATE FUNCTION audit_order() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO order_audit (order_id) VALUES (NEW.id); RETURN NEW; END $$;
            CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();
            """);

        var result = await target.SeedAsync(new SeedSettings { Seed = 5 });

        var error = SeedTarget.SingleError(result, DiagnosticCodes.SeedTableFilledByTriggers);
        StringAssert.Contains(error.Message, "The database's triggers wrote 50 rows into 'order_audit' while the tables before it were seeded, and audit_reviews reference it");
        StringAssert.Contains(error.Message, "add order_audit, audit_reviews to seed: exclude:");
        await target.AssertNoRowsAsync();
    }
}
