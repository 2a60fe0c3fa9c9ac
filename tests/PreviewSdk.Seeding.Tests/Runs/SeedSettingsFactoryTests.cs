using PreviewSdk.Core.Manifest;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.Runs;

[TestClass]
public sealed class SeedSettingsFactoryTests
{
    private const string Manifest = """
        dependencies:
          postgres:
            type: postgres
            databases: [shopdb]
        seed:
          shopdb:
            seed: 42
            rows: 20
            scale: { lightweight: 0.5, demo: 4 }
            tables:
              products: 40
              order_lines: { per: orders, min: 1, max: 5 }
              audit_log: { skip: true }
            columns:
              customers.email: { dataset: internet.email }
              orders.currency: { constant: EUR }
              orders.status: { values: { pending: 3, shipped: 1 } }
              products.price: { range: [1, 500] }
        """;

    [TestMethod]
    public void From_multiplies_the_entry_factor_by_the_profile_scale_of_the_server()
    {
        var entry = Read().Seeds.Single();

        Assert.AreEqual(2.0, SeedSettingsFactory.From(entry, "lightweight", "/repo/preview.yaml", profileScale: 4).Scale);
        Assert.AreEqual(3.0, SeedSettingsFactory.From(entry, "heavyweight", "/repo/preview.yaml", profileScale: 3).Scale, "no entry factor for heavyweight: 1 x 3");
    }

    [TestMethod]
    public void From_the_manifest_takes_the_scale_of_the_database_server_in_the_resolved_profile()
    {
        var manifest = Read(Manifest + "\n" + """
            profiles:
              demo:
                dependencies:
                  postgres: { scale: 2.5 }
            """);
        var entry = manifest.Seeds.Single();

        Assert.AreEqual(10.0, SeedSettingsFactory.From(entry, "demo", manifest).Scale, "4 for demo in seed:, times 2.5 for postgres in the profile");
        Assert.AreEqual(0.5, SeedSettingsFactory.From(entry, "lightweight", manifest).Scale);
    }

    [TestMethod]
    public void From_maps_every_setting_of_the_entry_for_the_profile()
    {
        var entry = Read().Seeds.Single();

        var settings = SeedSettingsFactory.From(entry, "demo", "/repo/preview.yaml");

        Assert.AreEqual(42, settings.Seed);
        Assert.AreEqual(20L, settings.DefaultRows);
        Assert.AreEqual(4.0, settings.Scale);
        Assert.AreEqual("/repo/preview.yaml", settings.SourceFile);
        Assert.AreEqual(40L, settings.Tables["products"].Rows);
        Assert.AreEqual(new PerParentSizing("orders", 1, 5), settings.Tables["order_lines"].PerParent);
        Assert.IsTrue(settings.Tables["audit_log"].Skip);
        Assert.AreEqual(new DatasetOverride("internet.email"), settings.Columns["customers.email"] with { Location = null });
        Assert.AreEqual(new ConstantOverride("EUR"), settings.Columns["orders.currency"] with { Location = null });
        var values = (ValuesOverride)settings.Columns["orders.status"];
        CollectionAssert.AreEqual(new[] { new WeightedValue("pending", 3), new WeightedValue("shipped", 1) }, values.Values.ToList());
        Assert.AreEqual(new RangeOverride("1", "500"), settings.Columns["products.price"] with { Location = null });
        Assert.AreEqual(15, settings.Columns["customers.email"].Location!.Value.Line);
        Assert.AreEqual(11, settings.Tables["products"].Location!.Value.Line);
    }

    [TestMethod]
    public void From_uses_the_defaults_for_what_the_entry_leaves_out_and_a_profile_without_scale()
    {
        var entry = Read().Seeds.Single() with { Seed = null, Rows = null };

        var settings = SeedSettingsFactory.From(entry, "ci", "/repo/preview.yaml");

        var defaults = new SeedSettings();
        Assert.AreEqual(defaults.Seed, settings.Seed);
        Assert.AreEqual(defaults.DefaultRows, settings.DefaultRows);
        Assert.AreEqual(1.0, settings.Scale);
    }

    private static PreviewManifest Read(string text = Manifest)
    {
        var result = ManifestReader.Read("/repo/preview.yaml", text);
        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        return result.Manifest!;
    }
}
