using System.Data;
using Npgsql;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Schema;

/// <summary>Catalog corners the rich schema leaves out because a seeder could not load them or they need an extension.</summary>
[TestClass]
public sealed class PostgresSchemaReaderCatalogTests
{
    [TestMethod]
    public async Task ReadAsync_skips_tables_an_extension_owns_and_reads_citext_as_text()
    {
        var (postgres, database) = await CreateAsync("""
            CREATE EXTENSION citext;
            CREATE TABLE extension_data (id integer PRIMARY KEY);
            ALTER EXTENSION citext ADD TABLE extension_data;
            CREATE TABLE users (id integer PRIMARY KEY, login citext NOT NULL UNIQUE, nick varchar);
            """);

        var schema = await RichSchema.ReadAsync(postgres, database);

        CollectionAssert.AreEqual(new[] { "users" }, schema.Tables.Select(table => table.DisplayName).ToArray());
        var login = schema.Tables[0].Column("login")!;
        Assert.AreEqual(("citext", PgTypeKind.Text, (int?)null), (login.Type.Name, login.Type.Kind, login.Type.MaxLength));
        Assert.AreEqual(("character varying", PgTypeKind.Text, (int?)null), (schema.Tables[0].Column("nick")!.Type.Name, schema.Tables[0].Column("nick")!.Type.Kind, schema.Tables[0].Column("nick")!.Type.MaxLength));
    }

    [TestMethod]
    public async Task ReadAsync_keeps_only_unique_indexes_over_plain_key_columns_that_add_a_key()
    {
        var (postgres, database) = await CreateAsync("""
            CREATE TABLE people (
                id integer PRIMARY KEY,
                email text NOT NULL CONSTRAINT people_email_key UNIQUE,
                code text NOT NULL,
                region text NOT NULL,
                note text);
            CREATE UNIQUE INDEX people_lower_email ON people (lower(email));          -- expression: left out
            CREATE UNIQUE INDEX people_code_partial ON people (code) WHERE note IS NULL; -- partial: left out
            CREATE UNIQUE INDEX people_email_again ON people (email);                 -- same columns as a constraint
            CREATE UNIQUE INDEX people_id_again ON people (id);                       -- same columns as the key
            CREATE UNIQUE INDEX people_region_code ON people (region, code) INCLUDE (note); -- INCLUDE is not key
            CREATE INDEX people_note ON people (note);                                 -- not unique
            """);

        var people = (await RichSchema.ReadAsync(postgres, database)).Tables.Single();

        CollectionAssert.AreEqual(
            new[] { "people_email_key(email)", "people_region_code(region, code)" },
            people.Uniques.Select(SchemaText.Describe).ToArray());
    }

    [TestMethod]
    public async Task ReadAsync_keeps_a_check_it_cannot_parse_with_its_columns_and_no_rules()
    {
        var (postgres, database) = await CreateAsync("""
            CREATE TABLE lines (qty integer NOT NULL, price numeric NOT NULL, total numeric NOT NULL,
                CONSTRAINT lines_total CHECK (total <= qty * price));
            """);

        var check = (await RichSchema.ReadAsync(postgres, database)).Tables.Single().Checks.Single();

        Assert.AreEqual("lines_total", check.Name);
        Assert.IsNull(check.Rules);
        CollectionAssert.AreEquivalent(new[] { "qty", "price", "total" }, check.Columns.ToArray());
        Assert.AreEqual("CHECK ((total <= ((qty)::numeric * price)))", check.Expression);
    }

    [TestMethod]
    public async Task ReadAsync_maps_built_in_types_to_their_kinds_unknown_ones_to_unsupported_and_keeps_unbounded_types_unbounded()
    {
        var (postgres, database) = await CreateAsync("""
            CREATE TABLE shapes (
                at point, span int4range, doc xml, net cidr, spots point[], lsn pg_lsn,
                ratio real, score double precision, amount numeric, label varchar, stamp timestamp(3), big_scale numeric(5,-2),
                gone integer);
            ALTER TABLE shapes DROP COLUMN gone;
            """);

        var shapes = (await RichSchema.ReadAsync(postgres, database)).Tables.Single();

        CollectionAssert.AreEqual(
            new[]
            {
                "at point Point null",
                "span int4range Range null",
                "doc xml Xml null",
                "net cidr Cidr null",
                "spots point[] Array of point Point null",
                "lsn pg_lsn Unsupported null",
                "ratio real Real null",
                "score double precision Double null",
                "amount numeric Numeric null",
                "label character varying Text null",
                "stamp timestamp(3) without time zone Timestamp null",
                "big_scale numeric(5,-2) Numeric(5,-2) null",
            },
            shapes.Columns.Select(SchemaText.Describe).ToArray());
    }

    [TestMethod]
    public async Task ReadAsync_resolves_arrays_of_enums_and_domains_and_domains_over_arrays()
    {
        var (postgres, database) = await CreateAsync("""
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            CREATE DOMAIN short_code AS varchar(4) CHECK (VALUE ~ '^[a-z]+$');
            CREATE DOMAIN tag_list AS text[] CHECK (cardinality(VALUE) > 0);
            CREATE TABLE diary (moods mood[], codes short_code[], tags tag_list);
            """);

        var diary = (await RichSchema.ReadAsync(postgres, database)).Tables.Single();

        var moods = diary.Column("moods")!.Type;
        Assert.AreEqual((PgTypeKind.Array, PgTypeKind.Enum, "public.mood"), (moods.Kind, moods.Element!.Kind, moods.Element.QualifiedName));
        CollectionAssert.AreEqual(new[] { "sad", "ok", "happy" }, moods.Element.EnumLabels.ToArray());
        var codes = diary.Column("codes")!.Type;
        Assert.AreEqual(("short_code", PgTypeKind.Text, 4), (codes.Element!.Name, codes.Element.ValueType.Kind, codes.Element.ValueType.MaxLength));
        Assert.AreEqual("VALUE ~ ^[a-z]+$", Checks.RuleText.Describe(codes.Element.DomainChecks.Single().Rules));
        var tags = diary.Column("tags")!.Type;
        Assert.AreEqual((PgTypeKind.Array, PgTypeKind.Text), (tags.ValueType.Kind, tags.ValueType.Element!.Kind));
        Assert.IsNull(tags.DomainChecks.Single().Rules, "cardinality() is beyond the parser");
    }

    [TestMethod]
    public async Task ReadAsync_reads_a_foreign_key_to_a_partitioned_table_once_and_never_its_partitions()
    {
        var (postgres, database) = await CreateAsync("""
            CREATE TABLE events (id integer, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE event_notes (event_id integer, event_at date, FOREIGN KEY (event_id, event_at) REFERENCES events (id, at));
            """);

        var schema = await RichSchema.ReadAsync(postgres, database);

        CollectionAssert.AreEqual(new[] { "event_notes", "events" }, schema.Tables.Select(table => table.DisplayName).ToArray());
        CollectionAssert.AreEqual(
            new[] { "fk event_notes_event_id_event_at_fkey(event_id, event_at) -> events(id, at)" },
            schema.Tables[0].ForeignKeys.Select(SchemaText.Describe).ToArray());
    }

    [TestMethod]
    public async Task ReadAsync_reads_inheriting_tables_and_names_mixed_case_schemas_as_written()
    {
        var (postgres, database) = await CreateAsync("""
            CREATE SCHEMA "Sales";
            CREATE TABLE "Sales"."Leads" (id integer PRIMARY KEY, score integer CHECK (score >= 0));
            CREATE TABLE "Sales".hot_leads (urgency smallint) INHERITS ("Sales"."Leads");
            """);

        var schema = await RichSchema.ReadAsync(postgres, database);

        CollectionAssert.AreEqual(new[] { "Sales.Leads", "Sales.hot_leads" }, schema.Tables.Select(table => table.DisplayName).ToArray());
        CollectionAssert.AreEqual(new[] { "id", "score", "urgency" }, schema.Tables[1].Columns.Select(column => column.Name).ToArray());
        Assert.AreEqual("check Leads_score_check(score): score >= 0", SchemaText.Describe(schema.Tables[1].Checks.Single()));
        Assert.AreEqual("\"Sales\".\"Leads\"", schema.Tables[0].QualifiedName);
    }

    [TestMethod]
    public async Task ReadAsync_leaves_out_temporary_tables_and_opens_and_closes_a_closed_connection()
    {
        var (postgres, database) = await CreateAsync("CREATE TABLE kept (id integer);");
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database));
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("CREATE TEMP TABLE scratch (id integer)", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var withTemp = await PostgresSchemaReader.ReadAsync(connection, SchemaReadOptions.Default);
        await connection.CloseAsync();
        var reopened = await PostgresSchemaReader.ReadAsync(connection, SchemaReadOptions.Default);

        CollectionAssert.AreEqual(new[] { "kept" }, withTemp.Tables.Select(table => table.DisplayName).ToArray());
        CollectionAssert.AreEqual(new[] { "kept" }, reopened.Tables.Select(table => table.DisplayName).ToArray());
        Assert.AreEqual(ConnectionState.Closed, connection.State);
    }

    private static async Task<(TestPostgres Postgres, string Database)> CreateAsync(string sql)
    {
        var postgres = await TestPostgres.Shared();
        var database = await postgres.CreateDatabaseAsync("catalog");
        await postgres.ExecuteAsync(database, sql);
        return (postgres, database);
    }
}
