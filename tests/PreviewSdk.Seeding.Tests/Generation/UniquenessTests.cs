using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Settings;
using static PreviewSdk.Seeding.Tests.Generation.Db;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>Primary keys and unique constraints, single and composite, never see a value twice.</summary>
[TestClass]
public sealed class UniquenessTests
{
    [TestMethod]
    public void Unique_columns_of_every_kind_never_repeat()
    {
        var table = Table("accounts", [
            Col("id", Uuid), Col("email", Varchar(40)), Col("user_name", Varchar(6)), Col("code", Char(3)), Col("number", Int),
            Col("slug", Text), Col("opened", Date), Col("token", Bytea), Col("address", Inet), Col("settings", Jsonb), Col("score", Numeric(4, 1))],
            primaryKey: Key("accounts_pkey", "id"),
            uniques: new[] { "email", "user_name", "code", "number", "slug", "opened", "token", "address", "settings", "score" }.Select(c => Key($"accounts_{c}_key", c)).ToArray());

        var rows = Seeding.Plan(Database(table), Seeding.Settings(rows: 5000)).Rows("accounts");

        foreach (var column in rows[0].Keys)
        {
            var values = rows.Select(r => Show(r[column])).ToList();
            Assert.HasCount(values.Count, values.Distinct().ToList(), $"{column} repeats a value");
        }

        Assert.IsTrue(rows.All(r => ((string)r["user_name"]!).Length <= 6 && ((string)r["code"]!).Length <= 3));
        Assert.IsTrue(rows.All(r => ((string)r["email"]!).Contains("@example.", StringComparison.Ordinal)), "distinct e-mail addresses are still e-mail addresses");
    }

    [TestMethod]
    public void A_unique_column_with_a_pattern_check_enumerates_matches()
    {
        var table = Table("airports", [Id(), Col("iata", Char(3))], uniques: [Key("airports_iata_key", "iata")],
            checks: [Check("airports_iata", new MatchesPattern("iata", "^[A-Z]{3}$"))]);

        var codes = Seeding.Plan(Database(table), Seeding.Settings(rows: 17000)).Column("airports", "iata").Cast<string>().ToList();

        Assert.HasCount(17000, codes.Distinct().ToList());
        Assert.IsTrue(codes.All(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[A-Z]{3}$")));
    }

    [TestMethod]
    public void Composite_uniques_never_repeat_a_combination()
    {
        var users = Table("users", [Id()]);
        var groups = Table("groups", [Id()]);
        var memberships = Table("memberships", [Col("user_id", Int), Col("group_id", Int), Col("role", EnumType("role", "owner", "member"))],
            primaryKey: Key("memberships_pkey", "user_id", "group_id"),
            keys: [Fk("user_id", "users"), Fk("group_id", "groups")]);
        var translations = Table("translations", [Id(), Col("group_id", Int), Col("locale", Text), Col("is_default", Bool)],
            uniques: [Key("translations_group_locale_key", "group_id", "locale", "is_default")],
            keys: [Fk("group_id", "groups")],
            checks: [Check("translations_locale", new InList("locale", ["en", "fr", "de"]))]);
        var settings = Seeding.Settings(rows: 30).With("memberships", new TableSeedSettings { Rows = 800 }).With("translations", new TableSeedSettings { Rows = 170 });

        var plan = Seeding.Plan(Database(users, groups, memberships, translations), settings);

        var pairs = plan.Rows("memberships").Select(r => ((int)r["user_id"]!, (int)r["group_id"]!)).ToList();
        Assert.HasCount(800, pairs.Distinct().ToList());
        var triples = plan.Rows("translations").Select(r => ((int)r["group_id"]!, (string)r["locale"]!, (bool)r["is_default"]!)).ToList();
        Assert.HasCount(170, triples.Distinct().ToList());
    }

    [TestMethod]
    public void A_composite_unique_with_text_is_kept_through_the_text()
    {
        var table = Table("pages", [Id(), Col("site", EnumType("site", "a", "b")), Col("path", Varchar(30))], uniques: [Key("pages_site_path_key", "site", "path")]);

        var rows = Seeding.Plan(Database(table), Seeding.Settings(rows: 3000)).Rows("pages");

        Assert.HasCount(3000, rows.Select(r => (r["site"], r["path"])).Distinct().ToList());
        Assert.IsTrue(rows.All(r => ((string)r["path"]!).Length <= 30));
    }

    [TestMethod]
    public void A_unique_the_seeder_cannot_construct_is_kept_by_redrawing()
    {
        var table = Table("ports", [Id(), Col("port", Int)], uniques: [Key("ports_port_key", "port")]);
        var settings = Seeding.Settings(rows: 3000).With("ports.port", new DatasetOverride("internet.port"));

        var ports = Seeding.Plan(Database(table), settings).Column("ports", "port");

        Assert.HasCount(3000, ports.Distinct().ToList());
    }

    [TestMethod]
    public void Too_few_possible_values_for_a_unique_is_preview4020_before_anything_is_generated()
    {
        var table = Table("flags", [Id(), Col("on", Bool), Col("level", EnumType("level", "low", "high")), Col("code", Varchar(1)), Col("tiny", SmallInt)],
            uniques: [Key("flags_on_key", "on"), Key("flags_level_on_key", "level", "on"), Key("flags_code_key", "code"), Key("flags_tiny_key", "tiny")],
            checks: [Check("flags_tiny", new CompareToConstant("tiny", ComparisonOperator.GreaterOrEqual, "0"), new CompareToConstant("tiny", ComparisonOperator.Less, "2"))]);
        var settings = Seeding.Settings(rows: 50).With("flags", new TableSeedSettings { Rows = 37 });

        var errors = Seeding.Errors(Database(table), settings);

        var messages = errors.Where(e => e.Code == DiagnosticCodes.SeedUniqueUnsatisfiable).Select(e => e.Message).ToList();
        Assert.HasCount(4, messages, Seeding.Describe(errors));
        Assert.Contains(
            "'flags.on' must be unique (flags_on_key), but only 2 distinct values can be generated for the 37 rows of 'flags'. Fix: lower the rows of 'flags' under seed tables, or add a seed override for one of its columns with enough distinct values.",
            messages);
        Assert.IsTrue(messages.Any(m => m.StartsWith("'flags (level, on)' must be unique (flags_level_on_key), but only 4 distinct values", StringComparison.Ordinal)));
        Assert.IsTrue(messages.Any(m => m.StartsWith("'flags.code' must be unique (flags_code_key), but only 36 distinct values", StringComparison.Ordinal)));
        Assert.IsTrue(messages.Any(m => m.StartsWith("'flags.tiny' must be unique (flags_tiny_key), but only 2 distinct values", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Three_rows_set_for_a_unique_boolean_are_preview4020_and_a_default_count_of_three_becomes_two_rows()
    {
        var table = Table("switches", [Id(), Col("enabled", Bool)], uniques: [Key("switches_enabled_key", "enabled")]);

        Seeding.Single(Seeding.Errors(Database(table), Seeding.Settings().With("switches", new TableSeedSettings { Rows = 3 })), DiagnosticCodes.SeedUniqueUnsatisfiable);
        var plan = Seeding.Plan(Database(table), Seeding.Settings(rows: 3));
        CollectionAssert.AreEquivalent(new object[] { true, false }, plan.Column("switches", "enabled"));
        Assert.Contains("switches gets 2 rows, not 3: its unique key switches_enabled_key (enabled) can hold no more distinct values.", plan.Notes.Single());
    }

    [TestMethod]
    public void A_unique_key_made_only_of_a_self_reference_is_preview4030_before_anything_is_inserted()
    {
        var table = Table("nodes", [Id(), Null("next_id", Int), Col("label", Text)],
            uniques: [Key("nodes_next_id_key", "next_id")], keys: [Fk("next_id", "nodes")]);

        var error = Seeding.Single(Seeding.Errors(Database(table), Seeding.Settings(rows: 10)), DiagnosticCodes.SeedUniqueOnLateForeignKey);

        StringAssert.Contains(error.Message, "'nodes_next_id_key' on next_id alone");
        StringAssert.Contains(error.Message, "override nodes.next_id with constant: null");
        var fixedSettings = Seeding.Settings(rows: 10) with
        {
            Columns = new Dictionary<string, ColumnOverride> { ["nodes.next_id"] = new ConstantOverride(null) },
        };
        var linked = Seeding.Plan(Database(table), fixedSettings).Column("nodes", "next_id");
        Assert.IsTrue(linked.All(value => value is null), "the fix the message names plans the table, every row unlinked");
    }

    private static string Show(object? value) => value switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "NULL",
    };
}
