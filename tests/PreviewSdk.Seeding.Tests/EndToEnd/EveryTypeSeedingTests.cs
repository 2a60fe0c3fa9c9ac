using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Settings;
using PreviewSdk.Seeding.Tests.Generation;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>Every built-in PostgreSQL type is generated (or overridden, or computed by an expression) and loads, on a real server.</summary>
[TestClass]
public sealed class EveryTypeSeedingTests
{
    private const string Schema = """
        CREATE DOMAIN public.working_hours AS int4range NOT NULL;
        CREATE DOMAIN public.flags8 AS bit(8);
        CREATE TABLE documents (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            title text NOT NULL,
            search tsvector NOT NULL,
            query tsquery,
            seats int4range NOT NULL,
            big int8range,
            prices numrange,
            valid_during tsrange,
            booked tstzrange NOT NULL,
            stay daterange NOT NULL,
            free_days datemultirange,
            counts int4multirange,
            hours public.working_hours NOT NULL,
            spot point NOT NULL,
            route path,
            boundary polygon,
            area box,
            edge lseg,
            axis line,
            zone circle,
            network cidr NOT NULL,
            host inet,
            device macaddr NOT NULL UNIQUE,
            device8 macaddr8,
            mask bit(4) NOT NULL,
            flags public.flags8,
            bits varbit(12),
            body xml,
            price money NOT NULL,
            duration interval NOT NULL,
            spots point[],
            networks cidr[],
            ranges int4range[],
            searches tsvector[],
            words text[],
            serial_code pg_lsn);
        """;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Every_type_is_generated_and_loaded_and_an_expression_fills_a_not_null_tsvector()
    {
        var target = await SeedTarget.CreateAsync(Schema);
        var settings = new SeedSettings { Seed = 5, DefaultRows = 300 }
            .With("documents.search", new ExpressionOverride("to_tsvector('english', title)"));

        var summary = await target.SeedSuccessfullyAsync(settings);

        Assert.AreEqual(300L, summary.TotalRows);
        Assert.AreEqual(300L, await target.ScalarAsync<long>("SELECT count(*) FROM documents WHERE search = to_tsvector('english', title)"));
        Assert.AreEqual(300L, await target.ScalarAsync<long>("SELECT count(DISTINCT device) FROM documents"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM documents WHERE lower(seats) >= upper(seats) OR lower(stay) >= upper(stay) OR lower(booked) >= upper(booked)"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM documents WHERE length(mask) <> 4 OR (bits IS NOT NULL AND length(bits) > 12)"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM documents WHERE NOT (network <<= '192.0.2.0/24' OR network <<= '198.51.100.0/24' OR network <<= '203.0.113.0/24')"));
        Assert.IsGreaterThan(0L, await target.ScalarAsync<long>("SELECT count(*) FROM documents WHERE spots IS NOT NULL AND cardinality(spots) >= 1 AND query IS NOT NULL AND body IS NOT NULL AND free_days IS NOT NULL"));
        Assert.AreEqual(0L, await target.ScalarAsync<long>("SELECT count(*) FROM documents WHERE serial_code IS NOT NULL"), "A nullable column of a type without a generator stays NULL.");
    }

    [TestMethod]
    public async Task Two_seedings_of_every_type_are_identical()
    {
        var settings = new SeedSettings { Seed = 9, DefaultRows = 80 }.With("documents.search", new ExpressionOverride("to_tsvector('simple', title)"));
        var first = await SeedTarget.CreateAsync(Schema);
        var second = await SeedTarget.CreateAsync(Schema);

        await first.SeedSuccessfullyAsync(settings);
        await second.SeedSuccessfullyAsync(settings);

        const string Dump = "SELECT d::text FROM documents d ORDER BY id";
        CollectionAssert.AreEqual(await first.ListAsync(Dump), await second.ListAsync(Dump));
    }

    [TestMethod]
    public async Task Text_form_overrides_are_accepted_and_a_type_without_generator_takes_a_constant()
    {
        var target = await SeedTarget.CreateAsync("CREATE TABLE readings (id int PRIMARY KEY, at pg_lsn NOT NULL, spot point NOT NULL, mask bit(4) NOT NULL);");
        var settings = new SeedSettings { Seed = 1, DefaultRows = 10 }
            .With("readings.at", new ConstantOverride("16/B374D848"))
            .With("readings.spot", new ValuesOverride([new WeightedValue("(1,2)", 1), new WeightedValue("(3,4)", 1)]))
            .With("readings.mask", new ConstantOverride("1010"));

        await target.SeedSuccessfullyAsync(settings);

        Assert.AreEqual(10L, await target.ScalarAsync<long>("SELECT count(*) FROM readings WHERE at = '16/B374D848' AND spot[0] IN (1, 3) AND mask = B'1010'"));
    }

    [TestMethod]
    public async Task A_bit_string_override_of_the_wrong_length_is_PREVIEW4013()
    {
        var target = await SeedTarget.CreateAsync("CREATE TABLE readings (id int PRIMARY KEY, mask bit(4) NOT NULL);");

        var result = await target.SeedAsync(new SeedSettings { DefaultRows = 3 }.With("readings.mask", new ConstantOverride("10101")));

        StringAssert.Contains(SeedTarget.SingleError(result, DiagnosticCodes.SeedValueInvalid).Message, "it is not 4 binary digits");
    }

    [TestMethod]
    public async Task An_expression_postgresql_refuses_is_PREVIEW4122_at_the_override_and_nothing_is_written()
    {
        var target = await SeedTarget.CreateAsync("CREATE TABLE notes (id int PRIMARY KEY, title text NOT NULL, search tsvector NOT NULL);");
        var at = new SourceLocation("preview.yaml", 14, 7);

        var result = await target.SeedAsync(new SeedSettings { DefaultRows = 5 }
            .With("notes.search", new ExpressionOverride("to_tsvector('english', titel)") { Location = at }));

        var error = SeedTarget.SingleError(result, DiagnosticCodes.SeedExpressionFailed);
        Assert.AreEqual((14, 7), (error.Line, error.Column));
        StringAssert.Contains(error.Message, "'notes.search' (to_tsvector('english', titel)) failed in PostgreSQL: 42703: column \"titel\" does not exist");
        Assert.AreEqual(0L, await target.CountAsync("notes"));
    }
}
