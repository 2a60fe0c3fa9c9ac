using PreviewSdk.Seeding.Checks;

namespace PreviewSdk.Seeding.Tests.Checks;

[TestClass]
public sealed class CheckExpressionParserTests
{
    [TestMethod]
    [DataRow("CHECK ((price >= (0)::numeric))", "price >= 0")]
    [DataRow("CHECK ((quantity > 0))", "quantity > 0")]
    [DataRow("CHECK ((price >= 9.99))", "price >= 9.99")]
    [DataRow("CHECK ((code <> 'XXX'::text))", "code <> XXX")]
    [DataRow("CHECK ((points >= '-5'::integer))", "points >= -5")]
    [DataRow("CHECK ((points >= (- 5)))", "points >= -5")]
    [DataRow("CHECK ((points >= (-5)::numeric))", "points >= -5")]
    [DataRow("CHECK ((hired_on >= '2000-01-01'::date))", "hired_on >= 2000-01-01")]
    [DataRow("CHECK ((placed_at > '2020-01-01 00:00:00+00'::timestamp with time zone))", "placed_at > 2020-01-01 00:00:00+00")]
    [DataRow("CHECK ((is_active = true))", "is_active = true")]
    [DataRow("CHECK ((VALUE > 0))", "VALUE > 0")]
    [DataRow("CHECK ((VALUE > (0)::numeric))", "VALUE > 0")]
    public void Parse_reads_a_comparison_with_a_constant(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    [DataRow("CHECK ((0 < qty))", "qty > 0")]
    [DataRow("CHECK (((0)::numeric <= price))", "price >= 0")]
    [DataRow("CHECK ((100 >= pct))", "pct <= 100")]
    [DataRow("CHECK ((5 = qty))", "qty = 5")]
    [DataRow("CHECK ((3 < length(code)))", "length(code) > 3")]
    public void Parse_flips_a_comparison_written_constant_first(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    public void Parse_reads_between_as_printed_into_two_rules()
    {
        var rules = CheckExpressionParser.Parse("CHECK (((discount >= (0)::numeric) AND (discount <= (100)::numeric)))");

        Assert.AreEqual("discount >= 0 AND discount <= 100", RuleText.Describe(rules));
        Assert.IsNotNull(rules);
        Assert.AreEqual(new CompareToConstant("discount", ComparisonOperator.GreaterOrEqual, "0"), rules[0]);
    }

    [TestMethod]
    public void Parse_reads_a_between_keyword_as_the_same_two_rules()
    {
        Assert.AreEqual("position >= 0 AND position <= 1000", RuleText.Describe(CheckExpressionParser.Parse("CHECK (position BETWEEN 0 AND 1000)")));
    }

    [TestMethod]
    [DataRow("CHECK (((status)::text = ANY ((ARRAY['new'::character varying, 'paid'::character varying])::text[])))", "status IN (new, paid)")]
    [DataRow("CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))", "status IN (a, b)")]
    [DataRow("CHECK ((level = ANY (ARRAY[1, 2, 3])))", "level IN (1, 2, 3)")]
    [DataRow("CHECK ((status = ANY ('{new,\"on hold\"}'::text[])))", "status IN (new, on hold)")]
    [DataRow("CHECK ((kind IN ('x', 'it''s')))", "kind IN (x, it's)")]
    public void Parse_reads_an_in_list(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    [DataRow("CHECK ((char_length((name)::text) >= 2))", "length(name) >= 2")]
    [DataRow("CHECK ((length(code) = 3))", "length(code) = 3")]
    [DataRow("CHECK ((character_length(code) <= 10))", "length(code) <= 10")]
    [DataRow("CHECK ((pg_catalog.length(code) < 4))", "length(code) < 4")]
    public void Parse_reads_a_length_bound(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    public void Parse_reads_a_comparison_between_two_columns()
    {
        var rules = CheckExpressionParser.Parse("CHECK ((created_at <= updated_at))");

        Assert.IsNotNull(rules);
        Assert.HasCount(1, rules);
        Assert.AreEqual(new CompareColumns("created_at", ComparisonOperator.LessOrEqual, "updated_at"), rules[0]);
    }

    [TestMethod]
    public void Parse_reads_an_or_into_one_rule_with_a_branch_each()
    {
        var rules = CheckExpressionParser.Parse("CHECK (((ends_at IS NULL) OR (ends_at > starts_at)))");

        Assert.IsNotNull(rules);
        Assert.HasCount(1, rules);
        var any = (AnyOf)rules[0];
        Assert.HasCount(2, any.Branches);
        Assert.AreEqual(new IsNull("ends_at"), any.Branches[0].Single());
        Assert.AreEqual(new CompareColumns("ends_at", ComparisonOperator.Greater, "starts_at"), any.Branches[1].Single());
    }

    [TestMethod]
    public void Parse_flattens_nested_ors_and_keeps_ands_inside_a_branch()
    {
        var rules = CheckExpressionParser.Parse("CHECK ((((a IS NULL) OR (b IS NULL)) OR ((a > 0) AND (b > a))))");

        Assert.AreEqual("(a IS NULL) OR (b IS NULL) OR (a > 0 AND b > a)", RuleText.Describe(rules));
    }

    [TestMethod]
    [DataRow("CHECK ((VALUE ~ '^[A-Z]{3}$'::text))", "VALUE ~ ^[A-Z]{3}$")]
    [DataRow("CHECK (((code)::text ~ '^[0-9]+$'::text))", "code ~ ^[0-9]+$")]
    [DataRow("CHECK ((email ~~ '%@%'::text))", "email ~ ^.*@.*$")]
    [DataRow("CHECK (((sku)::text ~~ 'SKU-____'::text))", "sku ~ ^SKU-....$")]
    [DataRow("CHECK ((name ~~ 'a.b\\%c'::text))", "name ~ ^a\\.b%c$")]
    [DataRow("CHECK ((code ~ E'^\\\\d+$'::text))", "code ~ ^\\d+$")]
    [DataRow("CHECK ((code ~ '^\\d+$'::text))", "code ~ ^\\d+$")]
    public void Parse_reads_a_pattern_and_a_like_as_a_regular_expression(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    [DataRow("CHECK ((col IS NOT NULL))", "col IS NOT NULL")]
    [DataRow("CHECK ((col IS NULL))", "col IS NULL")]
    [DataRow("CHECK ((NOT (col IS NULL)))", "col IS NOT NULL")]
    [DataRow("CHECK (is_active)", "is_active = true")]
    [DataRow("CHECK ((NOT archived))", "archived = false")]
    [DataRow("CHECK ((NOT (qty < 0)))", "qty >= 0")]
    [DataRow("CHECK ((flag IS TRUE))", "flag = true")]
    [DataRow("CHECK ((is_active OR (terminated_on IS NOT NULL)))", "terminated_on: Any if is_active IN (true), else NotNull")]
    public void Parse_reads_null_tests_and_booleans(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    [DataRow("CHECK ((char_length((\"DisplayName\")::text) >= 2))", "length(DisplayName) >= 2")]
    [DataRow("CHECK ((\"Weird \"\"Name\" > 0))", "Weird \"Name > 0")]
    [DataRow("CHECK ((value > 0))", "value > 0")]
    public void Parse_names_columns_unquoted(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    [DataRow("CHECK ((qty > 0)) NOT VALID", "qty > 0")]
    [DataRow("CHECK ((qty > 0)) NO INHERIT", "qty > 0")]
    [DataRow("qty > 0", "qty > 0")]
    [DataRow("CHECK (true)", "")]
    public void Parse_accepts_what_surrounds_the_expression(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    [DataRow("CHECK ((created_at <= now()))")]
    [DataRow("CHECK ((lower(email) = email))")]
    [DataRow("CHECK ((length(btrim(name)) > 0))")]
    [DataRow("CHECK ((qty > (SELECT 1)))")]
    [DataRow("CHECK ((EXISTS ( SELECT 1 FROM t)))")]
    [DataRow("CHECK ((CASE WHEN (a > 0) THEN true ELSE false END))")]
    [DataRow("CHECK ((email ~* '@'::text))")]
    [DataRow("CHECK ((total <= (quantity * unit_price)))")]
    [DataRow("CHECK ((CASE WHEN (a > 0) THEN (b IS NULL) ELSE (b IS NOT NULL) END))")]
    [DataRow("CHECK ((email !~~ '%@%'::text))")]
    [DataRow("CHECK ((tags[1] = 'a'::text))")]
    [DataRow("CHECK (((name)::text = ANY (ARRAY['a'::text, NULL::text])))")]
    [DataRow("CHECK ((qty = NULL::integer))")]
    [DataRow("CHECK (((a > 0) AND lower(b)))")]
    [DataRow("CHECK ((length(code) = 2.5))")]
    [DataRow("CHECK (((name)::text COLLATE \"C\" > 'a'::text))")]
    [DataRow("CHECK ((NOT ((a > 0) OR (b > 0))))")]
    [DataRow("CHECK (false)")]
    [DataRow("CHECK ((qty > 0)")]
    [DataRow("CHECK ((name = 'unterminated))")]
    [DataRow("")]
    public void Parse_returns_null_for_what_it_cannot_read(string definition)
    {
        Assert.IsNull(CheckExpressionParser.Parse(definition), RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }

    [TestMethod]
    [DataRow("CHECK ((((state)::text = 'closed'::text) = (closed_at IS NOT NULL)))", "closed_at: NotNull if state IN (closed), else Null")]
    [DataRow("CHECK (((closed_at IS NULL) = ((state)::text <> 'closed'::text)))", "closed_at: Null if state NOT IN (closed), else NotNull")]
    [DataRow("CHECK (((NOT ((state)::text = 'shipped'::text)) OR (shipped_at IS NOT NULL)))", "shipped_at: Any if state NOT IN (shipped), else NotNull")]
    [DataRow("CHECK ((((state)::text <> ALL (ARRAY['paid'::text, 'refunded'::text])) OR (paid_at IS NOT NULL)))", "paid_at: Any if state NOT IN (paid, refunded), else NotNull")]
    [DataRow("CHECK (CASE WHEN reopened THEN (reopened_at IS NOT NULL) ELSE (reopened_at IS NULL) END)", "reopened_at: NotNull if reopened IN (true), else Null")]
    [DataRow("CHECK (CASE WHEN ((kind)::text = 'refund'::text) THEN (refund_of IS NOT NULL) ELSE true END)", "refund_of: NotNull if kind IN (refund), else Any")]
    [DataRow("CHECK ((total = ((quantity)::numeric * unit_price)))", "total := ((\"quantity\")::numeric * \"unit_price\")")]
    [DataRow("CHECK ((status <> ALL (ARRAY['x'::text, 'y'::text])))", "status NOT IN (x, y)")]
    [DataRow("CHECK ((handle ~~* 'tk-%'::text))", "handle ~ ^[tT][kK]-.*$")]
    public void Parse_reads_checks_that_tie_columns_of_a_row(string definition, string expected)
    {
        Assert.AreEqual(expected, RuleText.Describe(CheckExpressionParser.Parse(definition)));
    }
}
