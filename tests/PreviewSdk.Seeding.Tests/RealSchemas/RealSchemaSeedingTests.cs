using PreviewSdk.Seeding.Tests.Corpus;
using static PreviewSdk.Seeding.Tests.Corpus.CorpusSeeding;

namespace PreviewSdk.Seeding.Tests.RealSchemas;

/// <summary>
/// Real schemas of real applications, as Debian ships them (<c>manifest.tsv</c>), each loaded unchanged through the
/// SQL migration runner, dumped with pg_dump, reloaded and seeded twice with no override (<see cref="CorpusSeeding"/>).
/// </summary>
[TestClass]
public sealed class RealSchemaSeedingTests
{
    [TestMethod]
    [DataRow("zabbix")]
    [DataRow("mediawiki")]
    [DataRow("roundcube")]
    [DataRow("powerdns")]
    [DataRow("freeradius")]
    [DataRow("icinga")]
    [DataRow("bacula")]
    [DataRow("ttrss")]
    public async Task Seeds(string schema)
    {
        var original = await CorpusSchema.LoadFolderAsync(await RealSchemaCache.FolderAsync(schema));
        var seeded = await SeedBothAsync(schema, original);
        Console.WriteLine($"{schema}: {seeded.Tables} tables, {seeded.Summary.Tables.Sum(t => t.Rows)} rows in {seeded.Summary.Elapsed.TotalSeconds:0.00} s");
    }
}
