using System.Collections;
using System.Net;
using Npgsql;
using PreviewSdk.Seeding.Generation;
using PreviewSdk.Seeding.Loading;
using PreviewSdk.Seeding.Schema;
using static PreviewSdk.Seeding.Tests.Loading.TestSchema;

namespace PreviewSdk.Seeding.Tests.Loading;

/// <summary>Every supported column type goes in by binary COPY and reads back equal.</summary>
[TestClass]
public sealed class SeedLoaderTypeTests
{
    private static readonly PgType Mood = EnumType("mood", "sad", "ok", "happy");
    private static readonly PgType Positive = Domain("positive_int", Integer);
    private static readonly PgType ShortCode = Domain("short_code", Varchar);

    // Column name, PostgreSQL type in CREATE TABLE, seeder type, value, SQL to read it back (a cast where the CLR
    // type to compare with needs one).
    private static readonly (string Name, string Sql, PgType Type, object Value, string Read)[] Cases =
    [
        ("c_bool", "boolean", Bool, true, "c_bool"),
        ("c_int2", "smallint", SmallInt, (short)-7, "c_int2"),
        ("c_int4", "integer", Integer, 123_456, "c_int4"),
        ("c_int8", "bigint", BigInt, 9_000_000_000L, "c_int8"),
        ("c_numeric", "numeric(10,2)", Numeric, 1234.56m, "c_numeric"),
        ("c_real", "real", Real, 1.5f, "c_real"),
        ("c_double", "double precision", DoublePrecision, 2.25d, "c_double"),
        ("c_money", "money", Money, 12.34m, "c_money"),
        ("c_text", "text", Text, "héllo 'wörld' \"quoted\"", "c_text"),
        ("c_varchar", "varchar(20)", Varchar, "varchar value", "c_varchar"),
        ("c_char", "char(3)", Character, "abc", "c_char"),
        ("c_citext", "citext", Citext, "MiXeD", "c_citext::text"),
        ("c_uuid", "uuid", Uuid, new Guid("9c1e3f7a-2b4d-4e6f-8a9b-0c1d2e3f4a5b"), "c_uuid"),
        ("c_json", "json", Json, """{"a": [1, 2]}""", "c_json::text"),
        ("c_jsonb", "jsonb", Jsonb, """{"b": true, "n": 1.5}""", "c_jsonb::text"),
        ("c_date", "date", Date, new DateOnly(2024, 2, 29), "c_date"),
        ("c_time", "time", Time, new TimeOnly(13, 45, 30), "c_time"),
        ("c_timestamp", "timestamp", Timestamp, new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Unspecified), "c_timestamp"),
        ("c_timestamptz", "timestamptz", TimestampTz, new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), "c_timestamptz"),
        ("c_interval", "interval", Interval, new TimeSpan(1, 2, 3, 4), "c_interval"),
        ("c_bytea", "bytea", Bytea, new byte[] { 0, 1, 254, 255 }, "c_bytea"),
        ("c_inet", "inet", Inet, IPAddress.Parse("192.168.1.20"), "c_inet"),
        ("c_inet6", "inet", Inet, IPAddress.Parse("2001:db8::1"), "c_inet6"),
        ("c_enum", "mood", Mood, "happy", "c_enum::text"),
        ("c_domain", "positive_int", Positive, 42, "c_domain"),
        ("c_text_domain", "short_code", ShortCode, "AB-12", "c_text_domain::text"),
        ("c_text_array", "text[]", ArrayOf(Text), new[] { "a", "b c", null, "" }, "c_text_array"),
        ("c_int_array", "integer[]", ArrayOf(Integer), new[] { 1, 2, 3 }, "c_int_array"),
        ("c_bigint_array", "bigint[]", ArrayOf(BigInt), new[] { 1L, long.MaxValue }, "c_bigint_array"),
        ("c_varchar_array", "varchar(20)[]", ArrayOf(Varchar), new[] { "x", "yy" }, "c_varchar_array"),
        ("c_char_array", "char(3)[]", ArrayOf(Character), new[] { "abc", "def" }, "c_char_array"),
        ("c_citext_array", "citext[]", ArrayOf(Citext), new[] { "Aa", "bB" }, "c_citext_array::text[]"),
        ("c_enum_array", "mood[]", ArrayOf(Mood), new[] { "sad", "ok" }, "c_enum_array::text[]"),
        ("c_domain_array", "positive_int[]", ArrayOf(Positive), new[] { 5, 6 }, "c_domain_array::integer[]"),
        ("c_numeric_array", "numeric(10,2)[]", ArrayOf(Numeric), new[] { 1.25m, 2.5m }, "c_numeric_array"),
        ("c_bool_array", "boolean[]", ArrayOf(Bool), new[] { true, false }, "c_bool_array"),
        ("c_uuid_array", "uuid[]", ArrayOf(Uuid), new[] { Guid.Empty }, "c_uuid_array"),
        ("c_date_array", "date[]", ArrayOf(Date), new[] { new DateOnly(2000, 1, 1) }, "c_date_array"),
        ("c_timestamptz_array", "timestamptz[]", ArrayOf(TimestampTz), new[] { new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc) }, "c_timestamptz_array"),
        ("c_jsonb_array", "jsonb[]", ArrayOf(Jsonb), new[] { """{"k": 1}""" }, "c_jsonb_array::text[]"),
        ("c_bytea_array", "bytea[]", ArrayOf(Bytea), new[] { new byte[] { 1, 2 } }, "c_bytea_array"),
    ];

    [TestMethod]
    public async Task LoadAsync_writes_every_supported_type_so_it_reads_back_equal()
    {
        var (database, table) = await CreateTableAsync();
        var plan = new FixedTablePlan(table, [Cases.Select(c => c.Value).ToArray()]);

        await LoadAsync(database, plan);

        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT {string.Join(", ", Cases.Select(c => c.Read))} FROM every_type", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.IsTrue(await reader.ReadAsync());
        for (var i = 0; i < Cases.Length; i++)
        {
            var (name, _, _, expected, _) = Cases[i];
            var actual = reader.GetValue(i);
            if (expected is IEnumerable expectedItems and not string)
            {
                CollectionAssert.AreEqual(Flatten(expectedItems), Flatten((IEnumerable)actual), name);
            }
            else
            {
                Assert.AreEqual(expected, actual, name);
            }
        }
    }

    [TestMethod]
    public async Task LoadAsync_writes_null_into_every_type()
    {
        var (database, table) = await CreateTableAsync();
        var plan = new FixedTablePlan(table, [new object?[Cases.Length]]);

        await LoadAsync(database, plan);

        var nulls = await database.ScalarAsync<long>(
            $"SELECT count(*) FROM every_type WHERE {string.Join(" AND ", Cases.Select(c => c.Name + " IS NULL"))}");
        Assert.AreEqual(1L, nulls);
    }

    [TestMethod]
    public async Task LoadAsync_keeps_the_kind_of_timestamps()
    {
        var (database, table) = await CreateTableAsync();
        var plan = new FixedTablePlan(table, [Cases.Select(c => c.Value).ToArray()]);

        await LoadAsync(database, plan);

        // timestamp holds wall-clock time as written; timestamptz the same instant, printed here in UTC.
        Assert.AreEqual("2024-05-06 07:08:09", await database.ScalarAsync<string>("SELECT c_timestamp::text FROM every_type"));
        Assert.AreEqual("2024-05-06 07:08:09", await database.ScalarAsync<string>(
            "SELECT (c_timestamptz AT TIME ZONE 'UTC')::text FROM every_type"));
    }

    [TestMethod]
    public async Task LoadAsync_writes_enums_created_after_the_connection_was_opened()
    {
        // Npgsql loads a database's types when it first connects; migrations run later create the enum.
        var database = await TestDatabase.CreateAsync(string.Empty);
        await using var connection = await database.OpenAsync();
        await database.ExecuteAsync("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE TABLE moods (now mood, history mood[])");
        var table = Table("moods", Column("now", Mood), Column("history", ArrayOf(Mood)));

        await SeedLoader.LoadAsync(
            connection, new SeedPlan(1, [new FixedTablePlan(table, [Row("ok", new[] { "sad", "happy" })])]), new SeedLoadOptions(), CancellationToken.None);

        Assert.AreEqual("ok {sad,happy}", await database.ScalarAsync<string>("SELECT now || ' ' || history::text FROM moods"));
    }

    [TestMethod]
    public async Task LoadAsync_writes_null_into_a_column_of_a_type_it_does_not_generate()
    {
        var database = await TestDatabase.CreateAsync("CREATE TABLE places (name text NOT NULL, location point)");
        var table = Table("places", Column("name", Text, nullable: false), Column("location", new PgType("point", PgTypeKind.Unsupported)));

        await LoadAsync(database, new FixedTablePlan(table, [Row("home", null)]));

        Assert.AreEqual(1L, await database.CountAsync("places WHERE location IS NULL"));
    }

    private static async Task<(TestDatabase Database, TableSchema Table)> CreateTableAsync()
    {
        var database = await TestDatabase.CreateAsync(
            "CREATE EXTENSION citext; CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); " +
            "CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0); CREATE DOMAIN short_code AS varchar(20) CHECK (VALUE ~ '^[A-Z]+-[0-9]+$'); " +
            $"CREATE TABLE every_type ({string.Join(", ", Cases.Select(c => $"{c.Name} {c.Sql}"))})");
        return (database, Table("every_type", Cases.Select(c => Column(c.Name, c.Type)).ToArray()));
    }

    private static async Task LoadAsync(TestDatabase database, TablePlan plan)
    {
        await using var connection = await database.OpenAsync();
        var report = await SeedLoader.LoadAsync(connection, new SeedPlan(7, [plan]), new SeedLoadOptions(), CancellationToken.None);
        Assert.AreEqual(1L, report.TotalRows);
    }

    private static List<object?> Flatten(IEnumerable items) =>
        items.Cast<object?>().Select(item => item is byte[] bytes ? Convert.ToHexString(bytes) : item).ToList();
}
