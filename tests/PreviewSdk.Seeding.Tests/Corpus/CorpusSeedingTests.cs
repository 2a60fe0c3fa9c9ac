using PreviewSdk.Seeding.Settings;
using PreviewSdk.Seeding.Tests.EndToEnd;

namespace PreviewSdk.Seeding.Tests.Corpus;

/// <summary>
/// The corpus end to end, with zero edits: each schema is loaded by the SQL migration runner, dumped with the
/// machine's <c>pg_dump --schema-only</c>, the dump loaded into two new databases the same way, both seeded with
/// preview.yaml's defaults (no override). Every table gets rows, the two databases are identical, and the values
/// follow the realism rules (checked in SQL, never trusting the seeder).
/// </summary>
[TestClass]
public sealed class CorpusSeedingTests
{
    private static readonly SeedSettings Defaults = new() { Seed = 42 };

    [TestMethod]
    public async Task Film_rental_seeds_with_rentals_returned_after_they_started_and_places_that_are_places()
    {
        var seeded = await SeedBothAsync("film-rental");

        await AssertNoneAsync(seeded, "SELECT count(*) FROM rental WHERE return_date < rental_date OR return_date > rental_date + interval '21 days'");
        await AssertAllAsync(seeded, "SELECT count(*) = count(*) FILTER (WHERE trim(name) IN ('English','French','German','Spanish','Italian','Dutch','Portuguese','Japanese','Chinese','Korean','Swedish','Polish','Russian','Arabic','Hindi','Turkish')) FROM language");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM address WHERE district ~ '[.]' OR district ~ '^[a-z]'");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM customer WHERE email IS NOT NULL AND position(regexp_replace(lower(last_name), '[^a-z]', '', 'g') IN email) = 0");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM staff WHERE store_id NOT IN (SELECT store_id FROM store)");
        await AssertAllAsync(seeded, "SELECT count(DISTINCT date_trunc('day', payment_date)) > 5 FROM payment");
        await AssertWindowAsync(seeded, "rental", "rental_date");
        await AssertWindowAsync(seeded, "film", "last_update");
    }

    [TestMethod]
    public async Task Music_store_seeds_with_genres_job_titles_and_e_mails_of_the_row()
    {
        var seeded = await SeedBothAsync("music-store");

        await AssertAllAsync(seeded, """SELECT bool_and("Name" IN ('Rock','Jazz','Blues','Classical','Pop','Hip Hop','Electronic','Folk','Country','Reggae','Soul','Metal','Latin','Soundtrack','Drama','Comedy','Documentary','Animation','Action','Horror','Sci-Fi','Family')) FROM "Genre" WHERE "Name" IS NOT NULL""");
        await AssertNoneAsync(seeded, """SELECT count(*) FROM "Customer" WHERE position(regexp_replace(lower("LastName"), '[^a-z]', '', 'g') IN "Email") = 0""");
        await AssertNoneAsync(seeded, """SELECT count(*) FROM "Employee" WHERE "Title" ~ '[.]$' OR "Title" ~ '^[a-z]'""");
        await AssertNoneAsync(seeded, """SELECT count(*) FROM "Employee" WHERE "HireDate" < "BirthDate" + interval '18 years'""");
        await AssertWindowAsync(seeded, "\"Invoice\"", "\"InvoiceDate\"");
    }

    [TestMethod]
    public async Task Traders_seed_with_orders_shipped_after_they_were_placed_and_us_state_codes()
    {
        var seeded = await SeedBothAsync("traders");

        await AssertNoneAsync(seeded, "SELECT count(*) FROM orders WHERE shipped_date < order_date OR required_date < order_date");
        await AssertAllAsync(seeded, "SELECT bool_and(state_abbr ~ '^[A-Z]{2}$' AND state_abbr IN ('AL','AK','AZ','AR','CA','CO','CT','DE','FL','GA','HI','ID','IL','IN','IA','KS','KY','LA','ME','MD','MA','MI','MN','MS','MO','MT','NE','NV','NH','NJ','NM','NY','NC','ND','OH','OK','OR','PA','RI','SC','SD','TN','TX','UT','VT','VA','WA','WV','WI','WY','DC')) FROM us_states WHERE state_abbr IS NOT NULL");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM region WHERE region_description ~ '[.]'");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM employees WHERE hire_date < birth_date");
        await AssertWindowAsync(seeded, "orders", "order_date");
    }

    [TestMethod]
    public async Task Helpdesk_seeds_every_ticket_state_with_its_timestamps_and_iso_country_codes()
    {
        var seeded = await SeedBothAsync("helpdesk");

        await AssertAllAsync(seeded, "SELECT count(DISTINCT state) = 5 FROM tickets");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM tickets WHERE (state = 'closed') <> (closed_at IS NOT NULL) OR (state IN ('solved', 'closed') AND solved_at IS NULL)");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM tickets WHERE closed_at < opened_at");
        await AssertAllAsync(seeded, "SELECT bool_and(country IN ('US','CA','MX','BR','AR','CL','CO','PE','GB','IE','FR','DE','NL','BE','LU','CH','AT','IT','ES','PT','DK','NO','SE','FI','IS','PL','CZ','SK','HU','RO','BG','GR','TR','IL','EG','ZA','NG','KE','MA','IN','CN','JP','KR','SG','MY','TH','VN','ID','PH','AU','NZ')) FROM organizations");
        await AssertAllAsync(seeded, "SELECT bool_and(currency IN ('USD','EUR','GBP','JPY','CAD','AUD','CHF')) FROM organizations");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM users WHERE position(regexp_replace(lower(last_name), '[^a-z]', '', 'g') IN email::text) = 0");
        await AssertAllAsync(seeded, "SELECT bool_and(locale ~ '^[a-z]{2}-[A-Z]{2}$') FROM users");
        await AssertWindowAsync(seeded, "tickets", "created_at");
    }

    [TestMethod]
    public async Task Enterprise_seeds_its_schemas_domains_and_computed_line_totals()
    {
        var seeded = await SeedBothAsync("enterprise");

        await AssertNoneAsync(seeded, "SELECT count(*) FROM sales.salesorderdetail WHERE linetotal <> orderqty * unitprice * (1.0 - unitpricediscount)");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM sales.salesorderheader WHERE duedate < orderdate OR shipdate < orderdate");
        await AssertAllAsync(seeded, "SELECT count(DISTINCT persontype) > 1 FROM person.person");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM humanresources.employeedepartmenthistory WHERE departmentid NOT IN (SELECT departmentid FROM humanresources.department)");
        await AssertNoneAsync(seeded, "SELECT count(*) FROM humanresources.employeedepartmenthistory WHERE enddate < startdate");
        await AssertWindowAsync(seeded, "sales.salesorderheader", "orderdate");
    }

    [TestMethod]
    public async Task The_seed_report_says_per_column_what_was_chosen_and_why_and_lists_the_fallbacks()
    {
        var target = await CorpusSchema.LoadAsync(CorpusSchema.SchemaPath("film-rental"));

        var result = await target.SeedAsync(Defaults);

        Assert.IsTrue(result.Succeeded, SeedTarget.Describe(result.Diagnostics));
        var report = result.Report!;
        StringAssert.StartsWith(report, $"## {target.Name}\n\nSeed 42: ");
        Assert.Contains("### rental: 50 rows", report);
        Assert.Contains("| `customer_id` | keys of customer | foreign key rental_customer_id_fkey |", report);
        Assert.Contains("| `email` | e-mail addresses on example domains, made from first_name and last_name | name 'email' |", report);
        Assert.Contains("| `return_date` |", report);
        Assert.Contains("the names 'rental_date' and 'return_date'", report);
        Assert.Contains("- Note: staff.store_id has no foreign key; its values are keys of store (1 to 50)", report);
        Assert.Contains("Only their type decided these columns' values", report);
        Assert.Contains("`film.length`", report);
        Assert.Contains("(fallback)", report);
    }

    // Loads the schema, dumps it, loads the dump into two databases, seeds both with the defaults; checks that
    // every table got rows and that both are the same, byte for byte. Returns one of them.
    private static async Task<SeedTarget> SeedBothAsync(string name)
    {
        var original = await CorpusSchema.LoadAsync(CorpusSchema.SchemaPath(name));
        var dump = await CorpusSchema.DumpAsync(original);
        try
        {
            StringAssert.Contains(await File.ReadAllTextAsync(dump), "SELECT pg_catalog.set_config('search_path', '', false);");
            var first = await CorpusSchema.LoadAsync(dump);
            var second = await CorpusSchema.LoadAsync(dump);
            var summary = await first.SeedSuccessfullyAsync(Defaults);
            await second.SeedSuccessfullyAsync(Defaults);

            foreach (var table in await CorpusSchema.TablesAsync(first))
            {
                Assert.IsGreaterThan(0L, await first.CountAsync(table), $"{name}: {table} has no rows.");
            }

            Assert.AreEqual((await CorpusSchema.TablesAsync(first)).Count, summary.Tables.Count, $"{name}: every table is seeded.");
            CollectionAssert.AreEqual(await CorpusSchema.ContentsAsync(first), await CorpusSchema.ContentsAsync(second), $"{name}: two seedings differ.");
            return first;
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static async Task AssertNoneAsync(SeedTarget target, string countQuery) =>
        Assert.AreEqual(0L, await target.ScalarAsync<long>(countQuery), countQuery);

    private static async Task AssertAllAsync(SeedTarget target, string booleanQuery) =>
        Assert.IsTrue(await target.ScalarAsync<bool>(booleanQuery), booleanQuery);

    // Unconstrained moments stay within a few years of the reference date (2025-01-01).
    private static Task AssertWindowAsync(SeedTarget target, string table, string column) =>
        AssertNoneAsync(target, $"SELECT count(*) FROM {table} WHERE {column} < '2020-01-01' OR {column} > '2027-01-01'");
}
