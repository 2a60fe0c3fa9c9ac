using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Manifest;

[TestClass]
public sealed class SeedSectionReaderTests
{
    private const string File = "/repo/preview/preview.yaml";

    [TestMethod]
    public void Read_FullSeedSection_KeepsEveryValueAndPosition()
    {
        var result = ManifestReader.Read(File, """
            seed:
              shopdb:
                seed: 42
                rows: 200
                scale: { lightweight: 0.1, heavyweight: 20 }
                migrations:
                  service: shop-api
                  efcore: ../Shop.Data
                exclude: [audit_log]
                tables:
                  products: 40
                  order_lines: { per: orders, min: 1, max: 5 }
                  sessions: { skip: true }
                columns:
                  customers.email: { dataset: internet.email }
                  products.currency: { constant: EUR }
                  products.note: { constant: null }
                  orders.status: { values: { pending: 3, shipped: 5 } }
                  orders.channel: { values: [web, phone] }
                  products.price: { range: [1, 500] }
                  products.search: { expression: "to_tsvector('english', name)" }
            """);

        Assert.IsEmpty(result.Diagnostics, DiagnosticAssert.Describe(result.Diagnostics));
        var seed = result.Manifest!.Seeds.Single();
        Assert.AreEqual(new Located<string>("shopdb", new SourceLocation(File, 2, 3)), seed.Database);
        Assert.AreEqual(42, seed.Seed?.Value);
        Assert.AreEqual(200L, seed.Rows?.Value);
        CollectionAssert.AreEqual(new[] { "lightweight=0.1", "heavyweight=20" }, seed.Scale.Select(s => FormattableString.Invariant($"{s.Profile.Value}={s.Factor.Value}")).ToArray());
        Assert.AreEqual("shop-api", seed.Migrations?.Service?.Value);
        Assert.AreEqual("../Shop.Data", seed.Migrations?.EfCore?.Value);
        Assert.IsNull(seed.Migrations?.Sql);
        CollectionAssert.AreEqual(new[] { "audit_log" }, seed.Exclude.Select(e => e.Value).ToArray());
        CollectionAssert.AreEqual(
            new[] { "products rows=40 per= 1..1 skip=False", "order_lines rows= per=orders 1..5 skip=False", "sessions rows= per= 1..1 skip=True" },
            seed.Tables.Select(t => $"{t.Table.Value} rows={t.Rows?.Value} per={t.Per?.Value} {t.Min}..{t.Max} skip={t.Skip}").ToArray());
        CollectionAssert.AreEqual(
            new[]
            {
                "customers.email Dataset internet.email []",
                "products.currency Constant EUR []",
                "products.note Constant  []",
                "orders.status Values  [pending:3, shipped:5]",
                "orders.channel Values  [web:1, phone:1]",
                "products.price Range  [1:1, 500:1]",
                "products.search Expression to_tsvector('english', name) []",
            },
            seed.Columns.Select(c => FormattableString.Invariant($"{c.Column.Value} {c.Kind} {c.Text} [{string.Join(", ", c.Values.Select(v => FormattableString.Invariant($"{v.Value}:{v.Weight}")))}]")).ToArray());
        Assert.AreEqual(new SourceLocation(File, 15, 7), seed.Columns[0].Column.Location);
    }

    [TestMethod]
    public void Read_BrokenSeedSection_ReportsEveryProblemWhereItIs()
    {
        var result = ManifestReader.Read(File, """
            seed:
              shopdb:
                seed: many
                rows: -3
                scale: { heavyweight: 0 }
                migrations: { servce: shop-api }
                tables:
                  orders: { rows: 10, min: 2 }
                  order_lines: { per: orders, min: 5, max: 2 }
                  sessions: { skip: maybe }
                columns:
                  email: { dataset: internet.email }
                  customers.name: { dataset: name.fullName, constant: x }
                  orders.status: { values: { pending: -1 } }
                  products.price: { range: [1] }
            """);

        DiagnosticAssert.Exactly(
            result.Diagnostics,
            File,
            (DiagnosticCodes.WrongType, 3, 11),
            (DiagnosticCodes.InvalidValue, 4, 11),
            (DiagnosticCodes.InvalidValue, 5, 27),
            (DiagnosticCodes.UnknownKey, 6, 19),
            (DiagnosticCodes.InvalidValue, 8, 32),
            (DiagnosticCodes.InvalidValue, 9, 48),
            (DiagnosticCodes.WrongType, 10, 25),
            (DiagnosticCodes.InvalidValue, 12, 7),
            (DiagnosticCodes.InvalidValue, 13, 23),
            (DiagnosticCodes.InvalidValue, 14, 43),
            (DiagnosticCodes.WrongType, 15, 32));
    }

    [TestMethod]
    public void Read_Existing_TakesReplaceKeepOrFail()
    {
        var result = ManifestReader.Read("/repo/preview.yaml", """
            seed:
              catalogdb: { existing: keep }
              ordersdb: { existing: merge }
            """);

        Assert.AreEqual("keep", result.Manifest!.Seeds[0].Existing?.Value);
        Assert.IsNull(result.Manifest.Seeds[1].Existing, "an invalid value is reported, not kept");
        var error = result.Diagnostics.Single();
        Assert.AreEqual((DiagnosticCodes.InvalidValue, 3, 25), (error.Code, error.Line, error.Column));
        Assert.Contains("use replace (seed over the rows the app wrote itself; the default), keep (keep them and seed nothing) or fail", error.Message);
    }
}
