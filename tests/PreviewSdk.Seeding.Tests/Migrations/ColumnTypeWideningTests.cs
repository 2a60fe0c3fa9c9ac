using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Tests.Migrations;

[TestClass]
public sealed class ColumnTypeWideningTests
{
    [TestMethod]
    [DataRow("character varying(100)", "character varying(200)")]
    [DataRow("character varying(100)", "text")]
    [DataRow("character varying(100)", "character varying")]
    [DataRow("character(3)", "character varying(3)")]
    [DataRow("smallint", "integer")]
    [DataRow("integer", "bigint")]
    [DataRow("integer", "numeric(12,2)")]
    [DataRow("bigint", "numeric")]
    [DataRow("real", "double precision")]
    [DataRow("numeric(10,2)", "numeric(12,4)")]
    [DataRow("timestamp without time zone", "timestamp with time zone")]
    [DataRow("timestamp(3) with time zone", "timestamp with time zone")]
    [DataRow("json", "jsonb")]
    [DataRow("uuid", "text")]
    public void IsWidening_is_true_when_the_new_type_holds_every_old_value(string before, string after) =>
        Assert.IsTrue(ColumnTypeWidening.IsWidening(before, after));

    [TestMethod]
    [DataRow("character varying(200)", "character varying(50)")]
    [DataRow("text", "character varying(50)")]
    [DataRow("bigint", "integer")]
    [DataRow("integer", "numeric(5,0)")]
    [DataRow("numeric(10,2)", "numeric(10,0)")]
    [DataRow("numeric(10,2)", "numeric(10,3)")]
    [DataRow("double precision", "real")]
    [DataRow("text", "integer")]
    [DataRow("timestamp with time zone", "date")]
    [DataRow("timestamp with time zone", "timestamp(0) with time zone")]
    public void IsWidening_is_false_when_some_old_values_do_not_fit(string before, string after) =>
        Assert.IsFalse(ColumnTypeWidening.IsWidening(before, after));
}
