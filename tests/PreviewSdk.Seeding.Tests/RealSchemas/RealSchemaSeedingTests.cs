using PreviewSdk.Seeding.Tests.Corpus;
using PreviewSdk.Seeding.Tests.EndToEnd;
using static PreviewSdk.Seeding.Tests.Corpus.CorpusSeeding;

namespace PreviewSdk.Seeding.Tests.RealSchemas;

/// <summary>
/// Real schemas of real applications, as Debian 12 ships them (<c>manifest.tsv</c>; nobody on the team wrote them),
/// each loaded unchanged by the SQL migration runner, dumped with <c>pg_dump --schema-only</c>, reloaded and seeded
/// twice with no override (<see cref="CorpusSeeding"/>: rows in every table, every declared constraint holds, the two
/// databases equal byte for byte), then checked for the realism rules in SQL. Tables the schema's own file filled
/// (version rows, Tiny Tiny RSS's preferences) are replaced, as an environment's default <c>existing: replace</c> does.
/// </summary>
[TestClass]
public sealed class RealSchemaSeedingTests
{
    // Unix seconds of 2020-01-01 and 2027-01-01: the window every moment stays in.
    private const string UnixWindow = "< 1577836800 OR {0} > 1798761600";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Zabbix_seeds_its_173_tables_with_unix_clocks_and_names_its_triggers_keep_in_upper_case()
    {
        var seeded = await SeedAsync("zabbix");

        Assert.AreEqual(173, seeded.Tables);
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM hosts WHERE name_upper <> upper(name)");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM items WHERE name_upper <> upper(name)");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM events WHERE clock " + string.Format(UnixWindow, "clock"));
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM history WHERE clock " + string.Format(UnixWindow, "clock"));
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM drules WHERE nextcheck < 1735689600");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM users WHERE position(regexp_replace(lower(surname), '[^a-z]', '', 'g') IN username) = 0");
    }

    [TestMethod]
    public async Task MediaWiki_seeds_with_search_vectors_its_triggers_compute_and_e_mails_of_the_users_real_names()
    {
        var seeded = await SeedAsync("mediawiki");

        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM page WHERE titlevector IS DISTINCT FROM to_tsvector(replace(page_title, '/', ' '))");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM text WHERE textvector IS DISTINCT FROM to_tsvector(old_text)");
        await AssertNoneAsync(seeded.Target, """SELECT count(*) FROM "user" WHERE user_email <> '' AND position(regexp_replace(lower(split_part(user_real_name, ' ', 2)), '[^a-z]', '', 'g') IN user_email) = 0""");
        Assert.IsGreaterThan(20, await AssertMomentsInWindowAsync(seeded.Target));
    }

    [TestMethod]
    public async Task Roundcube_seeds_contacts_whose_names_and_e_mails_agree_and_caches_that_expire_later()
    {
        var seeded = await SeedAsync("roundcube");

        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM contacts WHERE firstname IS NOT NULL AND surname IS NOT NULL AND name <> firstname || ' ' || surname");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM contacts WHERE surname IS NOT NULL AND position(regexp_replace(lower(surname), '[^a-z]', '', 'g') IN email) = 0");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM identities WHERE name <> '' AND position(regexp_replace(lower(split_part(name, ' ', 2)), '[^a-z]', '', 'g') IN email) = 0");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM cache WHERE expires < '2025-01-01'");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM contacts WHERE del NOT IN (0, 1)");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM filestore WHERE mtime " + string.Format(UnixWindow, "mtime"));
        await AssertAllAsync(seeded.Target, "SELECT bool_and(language ~ '^[a-z]{2}') FROM users WHERE language IS NOT NULL");
        Assert.IsGreaterThan(10, await AssertMomentsInWindowAsync(seeded.Target));
    }

    [TestMethod]
    public async Task PowerDNS_seeds_lower_case_domain_names_under_example_domains()
    {
        var seeded = await SeedAsync("powerdns");

        await AssertAllAsync(seeded.Target, @"SELECT bool_and(name ~ '^[a-z]+(-[a-z]+)*-[0-9]+\.example\.(com|net|org)$') FROM domains");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM records WHERE name <> lower(name)");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM comments WHERE modified_at " + string.Format(UnixWindow, "modified_at"));
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM domains WHERE last_check " + string.Format(UnixWindow, "last_check"));
    }

    [TestMethod]
    public async Task FreeRADIUS_seeds_accounting_sessions_that_stop_after_they_start_from_documentation_addresses()
    {
        var seeded = await SeedAsync("freeradius");

        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM radacct WHERE acctstoptime < acctstarttime");
        await AssertAllAsync(seeded.Target, "SELECT count(*) FILTER (WHERE acctstoptime IS NOT NULL AND acctstarttime IS NOT NULL) > 10 FROM radacct");
        await AssertNoneAsync(seeded.Target, """
            SELECT count(*) FROM radacct WHERE NOT (nasipaddress << '192.0.2.0/24' OR nasipaddress << '198.51.100.0/24' OR nasipaddress << '203.0.113.0/24' OR nasipaddress << '2001:db8::/32')
            """);
        Assert.IsGreaterThan(3, await AssertMomentsInWindowAsync(seeded.Target));
    }

    [TestMethod]
    public async Task Icinga_seeds_object_ids_that_point_at_its_objects_without_foreign_keys_and_checks_that_end_after_they_start()
    {
        var seeded = await SeedAsync("icinga");

        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM icinga_hosts WHERE host_object_id NOT IN (SELECT object_id FROM icinga_objects)");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM icinga_hoststatus WHERE instance_id NOT IN (SELECT instance_id FROM icinga_instances)");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM icinga_hostchecks WHERE end_time < start_time");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM icinga_hosts WHERE active_checks_enabled NOT IN (0, 1) OR notify_on_downtime NOT IN (0, 1)");
        Assert.IsGreaterThan(50, await AssertMomentsInWindowAsync(seeded.Target));
    }

    [TestMethod]
    public async Task Bacula_seeds_jobs_that_end_after_they_start_for_its_clients_and_pools_and_as_many_job_statuses_as_a_char_1_code_holds()
    {
        var seeded = await SeedAsync("bacula");

        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM job WHERE endtime < starttime OR realendtime < starttime");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM job WHERE clientid NOT IN (SELECT clientid FROM client) OR poolid NOT IN (SELECT poolid FROM pool)");
        Assert.AreEqual(36L, await seeded.Target.CountAsync("status"));
        Assert.IsGreaterThan(10, await AssertMomentsInWindowAsync(seeded.Target));
    }

    [TestMethod]
    public async Task Tiny_Tiny_RSS_seeds_over_its_own_preference_rows_with_users_whose_logins_and_e_mails_are_their_names()
    {
        var seeded = await SeedAsync("ttrss");

        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM ttrss_users WHERE position(regexp_replace(lower(split_part(full_name, ' ', 2)), '[^a-z]', '', 'g') IN email) = 0");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM ttrss_users WHERE position(regexp_replace(lower(split_part(full_name, ' ', 2)), '[^a-z]', '', 'g') IN login) = 0");
        await AssertNoneAsync(seeded.Target, "SELECT count(*) FROM ttrss_prefs WHERE pref_name = 'USER_LANGUAGE'");
        Assert.IsGreaterThan(10, await AssertMomentsInWindowAsync(seeded.Target));
    }

    [TestMethod]
    public void The_manifest_names_at_least_five_schemas_each_with_its_package_version_path_sha256_and_licence()
    {
        var files = RealSchemaCache.Manifest();
        var schemas = files.Select(file => file.Schema).Distinct().ToList();

        Assert.IsGreaterThanOrEqualTo(5, schemas.Count);
        foreach (var file in files)
        {
            Assert.IsTrue(file.Package.Length > 0 && file.Version.Length > 0 && file.PathInPackage.Length > 0 && file.Licence.Length > 0, file.ToString());
            Assert.MatchesRegex("^[0-9a-f]{64}$", file.Sha256, file.ToString());
        }

        var readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RealSchemaCache.ManifestPath)!, "README.md"));
        foreach (var file in files)
        {
            StringAssert.Contains(readme, $"`{file.Package}` {file.Version}", "The README lists every package at its version.");
        }
    }

    private async Task<Seeded> SeedAsync(string schema)
    {
        var original = await CorpusSchema.LoadFolderAsync(await RealSchemaCache.FolderAsync(schema));
        var seeded = await SeedBothAsync(schema, original);
        TestContext.WriteLine($"{schema}: {seeded.Tables} tables, {seeded.Summary.TotalRows:N0} rows in {seeded.Summary.Elapsed.TotalSeconds:0.00} s");
        return seeded;
    }
}
