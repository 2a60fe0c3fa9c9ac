using PreviewSdk.Seeding.Reports;

namespace PreviewSdk.Seeding.Tests.Reports;

[TestClass]
public sealed class SeedReportFileTests
{
    [TestMethod]
    public void Write_keeps_one_section_per_database_and_replaces_only_the_one_seeded_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "previewsdk-report-tests", Guid.NewGuid().ToString("N"));
        try
        {
            SeedReportFile.Write(folder, "shopdb", "## shopdb\n\nfirst\n");
            SeedReportFile.Write(folder, "auditdb", "## auditdb\n\naudit\n");
            SeedReportFile.Write(folder, "shopdb", "## shopdb\n\nsecond\n");

            var text = File.ReadAllText(Path.Combine(folder, SeedReportFile.FileName));
            StringAssert.StartsWith(text, "# Seed report\n");
            Assert.Contains("second", text);
            Assert.DoesNotContain("first", text);
            Assert.IsLessThan(text.IndexOf("## shopdb", StringComparison.Ordinal), text.IndexOf("## auditdb", StringComparison.Ordinal), "Sections in database name order.");
            Assert.HasCount(2, text.Split("<!-- database: ").Skip(1).ToList());
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
