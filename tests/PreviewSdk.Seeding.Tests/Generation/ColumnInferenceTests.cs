using System.Net;
using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;
using static PreviewSdk.Seeding.Tests.Generation.Db;

namespace PreviewSdk.Seeding.Tests.Generation;

/// <summary>What a column's name and type make the seeder generate, whatever the naming convention.</summary>
[TestClass]
public sealed class ColumnInferenceTests
{
    [TestMethod]
    [DataRow("unit_price", "unit price")]
    [DataRow("UnitPrice", "unit price")]
    [DataRow("unitPrice", "unit price")]
    [DataRow("IPAddress", "ip address")]
    [DataRow("CreatedAt", "created at")]
    [DataRow("EMail", "e mail")]
    [DataRow("address_line2", "address line2")]
    public void Name_tokens_are_the_same_words_in_snake_pascal_and_camel_case(string name, string words)
    {
        Assert.AreEqual(words, string.Join(' ', NameTokens.Split(name)));
    }

    [TestMethod]
    [DataRow("acctstarttime", "acct start time")]
    [DataRow("AcctStopTime", "acct stop time")]
    [DataRow("nasipaddress", "nas ip address")]
    [DataRow("clientid", "client id")]
    [DataRow("realendtime", "real end time")]
    [DataRow("lastwritten", "last written")]
    [DataRow("jobstatus", "job status")]
    [DataRow("acctupdatetime", "acct update time")]
    [DataRow("discount", "discount")]
    [DataRow("support", "support")]
    [DataRow("membership", "membership")]
    [DataRow("valid", "valid")]
    [DataRow("username", "username")]
    [DataRow("profile", "profile")]
    [DataRow("electricity", "electricity")]
    public void Names_folded_to_lower_case_are_split_into_the_known_words_they_run_together(string name, string words)
    {
        // PostgreSQL folds unquoted AcctStartTime (FreeRADIUS) and ClientId (Bacula) to lower case.
        Assert.AreEqual(words, string.Join(' ', NameTokens.Split(name)));
    }

    [TestMethod]
    [DataRow("email", "users", "Email")]
    [DataRow("Email", "Users", "Email")]
    [DataRow("contact_email_address", "users", "Email")]
    [DataRow("first_name", "users", "FirstName")]
    [DataRow("FirstName", "Customers", "FirstName")]
    [DataRow("lastName", "people", "LastName")]
    [DataRow("surname", "people", "LastName")]
    [DataRow("name", "customers", "FullName")]
    [DataRow("Name", "Products", "ProductName")]
    [DataRow("name", "companies", "Company")]
    [DataRow("name", "categories", "Department")]
    [DataRow("name", "projects", "Label")]
    [DataRow("company_name", "invoices", "Company")]
    [DataRow("UserName", "Accounts", "UserName")]
    [DataRow("phone_number", "users", "Phone")]
    [DataRow("MobilePhone", "users", "Phone")]
    [DataRow("street_address", "addresses", "Street")]
    [DataRow("City", "Addresses", "City")]
    [DataRow("postal_code", "addresses", "PostalCode")]
    [DataRow("ZipCode", "addresses", "PostalCode")]
    [DataRow("country", "addresses", "Country")]
    [DataRow("CountryCode", "addresses", "CountryCode")]
    [DataRow("state", "addresses", "State")]
    [DataRow("state", "orders", "Status")]
    [DataRow("website_url", "companies", "Url")]
    [DataRow("AvatarUrl", "users", "Url")]
    [DataRow("ip_address", "sessions", "IpAddress")]
    [DataRow("password_hash", "users", "PasswordHash")]
    [DataRow("PasswordHash", "AspNetUsers", "PasswordHash")]
    [DataRow("title", "posts", "Title")]
    [DataRow("description", "products", "Description")]
    [DataRow("Body", "Comments", "Description")]
    [DataRow("status", "orders", "Status")]
    [DataRow("OrderStatus", "Orders", "Status")]
    [DataRow("role", "memberships", "Role")]
    [DataRow("sku", "products", "Code")]
    [DataRow("slug", "posts", "Slug")]
    [DataRow("currency", "payments", "Currency")]
    [DataRow("remarks_xyz", "things", "None")]
    [DataRow("name", "domains", "DomainName")]
    [DataRow("hostname", "servers", "DomainName")]
    [DataRow("domain", "tenants", "DomainName")]
    public void Text_columns_are_inferred_from_their_name_and_table(string column, string table, string expected)
    {
        Assert.AreEqual(Enum.Parse<SemanticKind>(expected), ColumnInference.Infer(column, table, Text));
    }

    [TestMethod]
    [DataRow("price", "Money")]
    [DataRow("UnitPrice", "Money")]
    [DataRow("total_amount", "Money")]
    [DataRow("Salary", "LargeMoney")]
    [DataRow("shipping_fee", "SmallMoney")]
    [DataRow("quantity", "Quantity")]
    [DataRow("Qty", "Quantity")]
    [DataRow("StockCount", "Quantity")]
    [DataRow("age", "Age")]
    [DataRow("rating", "Rating")]
    [DataRow("discount_percent", "Percentage")]
    [DataRow("latitude", "Latitude")]
    [DataRow("SortOrder", "Position")]
    [DataRow("external_id", "ExternalId")]
    [DataRow("id", "None")]
    public void Number_columns_are_inferred_from_their_name(string column, string expected)
    {
        Assert.AreEqual(Enum.Parse<SemanticKind>(expected), ColumnInference.Infer(column, "things", Numeric(10, 2)));
    }

    [TestMethod]
    [DataRow("clock", "integer", "UnixTime")]
    [DataRow("r_clock", "integer", "UnixTime")]
    [DataRow("modified_at", "integer", "UnixTime")]
    [DataRow("mtime", "integer", "UnixTime")]
    [DataRow("lastaccess", "integer", "UnixTime")]
    [DataRow("last_check", "bigint", "UnixTime")]
    [DataRow("active_since", "integer", "UnixTime")]
    [DataRow("expires_at", "integer", "FutureUnixTime")]
    [DataRow("nextcheck", "integer", "FutureUnixTime")]
    [DataRow("disable_until", "integer", "FutureUnixTime")]
    [DataRow("clock", "smallint", "None")]
    [DataRow("acctsessiontime", "bigint", "None")]
    [DataRow("timeout", "integer", "None")]
    [DataRow("active_checks_enabled", "integer", "MostlyTrue")]
    [DataRow("is_raw_check", "smallint", "MostlyTrue")]
    [DataRow("notify_on_downtime", "integer", "MostlyTrue")]
    [DataRow("del", "smallint", "MostlyFalse")]
    [DataRow("is_deleted", "integer", "MostlyFalse")]
    [DataRow("active_users", "integer", "None")]
    [DataRow("available_seats", "integer", "Quantity")]
    [DataRow("enabled", "bigint", "None")]
    [DataRow("external_id", "integer", "ExternalId")]
    public void Integer_columns_that_hold_unix_times_or_flags_say_so_in_their_name(string column, string type, string expected)
    {
        // Zabbix's clock and nextcheck, PowerDNS's modified_at, Roundcube's mtime and del, Icinga's *_enabled.
        var pgType = type switch { "smallint" => SmallInt, "bigint" => BigInt, _ => Int };
        Assert.AreEqual(Enum.Parse<SemanticKind>(expected), ColumnInference.Infer(column, "things", pgType));
    }

    [TestMethod]
    [DataRow("name", "users", "username,surname", "FirstName")]
    [DataRow("name", "identities", "email,organization", "FullName")]
    [DataRow("name", "collected_addresses", "user_id,email", "FullName")]
    [DataRow("name", "media_type", "smtp_email", "Label")]
    [DataRow("name", "projects", "owner", "Label")]
    [DataRow("title", "identities", "email", "Title")]
    public void A_bare_name_beside_a_surname_is_a_first_name_and_beside_an_e_mail_a_persons_name(string column, string table, string siblings, string expected)
    {
        var kind = ColumnInference.WithSiblings(ColumnInference.Infer(column, table, Text), column, siblings.Split(','));

        Assert.AreEqual(Enum.Parse<SemanticKind>(expected), kind);
    }

    [TestMethod]
    [DataRow("created_at", "CreatedAt")]
    [DataRow("CreatedAt", "CreatedAt")]
    [DataRow("createdOn", "CreatedAt")]
    [DataRow("updated_at", "UpdatedAt")]
    [DataRow("UpdatedAt", "UpdatedAt")]
    [DataRow("LastModified", "UpdatedAt")]
    [DataRow("shipped_at", "UpdatedAt")]
    [DataRow("birth_date", "BirthDate")]
    [DataRow("DateOfBirth", "BirthDate")]
    [DataRow("dob", "BirthDate")]
    [DataRow("starts_at", "StartsAt")]
    [DataRow("EndDate", "EndsAt")]
    [DataRow("expires_at", "FutureAt")]
    [DataRow("happened", "None")]
    public void Date_columns_are_inferred_from_their_name(string column, string expected)
    {
        Assert.AreEqual(Enum.Parse<SemanticKind>(expected), ColumnInference.Infer(column, "things", TimestampTz));
        Assert.AreEqual(Enum.Parse<SemanticKind>(expected), ColumnInference.Infer(column, "things", Date));
    }

    [TestMethod]
    [DataRow("is_active", "MostlyTrue")]
    [DataRow("IsActive", "MostlyTrue")]
    [DataRow("EmailConfirmed", "MostlyTrue")]
    [DataRow("is_deleted", "MostlyFalse")]
    [DataRow("LockoutEnabled", "MostlyTrue")]
    [DataRow("flag", "None")]
    public void Boolean_columns_lean_the_way_their_name_says(string column, string expected)
    {
        Assert.AreEqual(Enum.Parse<SemanticKind>(expected), ColumnInference.Infer(column, "things", Bool));
    }

    [TestMethod]
    public void Generated_values_have_the_shape_of_their_column_and_stay_off_real_people_and_machines()
    {
        var people = Table("people", [
            Id(), Col("first_name", Text), Col("last_name", Text), Col("full_name", Text), Col("email", Text), Col("user_name", Text),
            Col("phone", Text), Col("website", Text), Col("ip", Inet), Col("ip_text", Varchar(45)), Col("city", Text),
            Col("password_hash", Text), Col("birth_date", Date), Col("age", Int), Col("is_active", Bool)]);
        var plan = Seeding.Plan(Database(people), Seeding.Settings(rows: 2000));

        var rows = plan.Rows("people");

        var firstNames = rows.Select(r => (string)r["first_name"]!).ToList();
        Assert.IsTrue(firstNames.All(n => n.Length > 1 && char.IsUpper(n[0])), "first names are capitalised words");
        Assert.IsGreaterThan(500, firstNames.Distinct().Count(), "first names vary");
        Assert.IsTrue(rows.All(r => ((string)r["full_name"]!).Contains(' ', StringComparison.Ordinal)));
        Assert.IsTrue(rows.All(r => Regex.IsMatch((string)r["email"]!, @"^[a-z0-9._]+@example\.(com|net|org)$")), "e-mail addresses only on reserved example domains");
        Assert.IsTrue(rows.All(r => Regex.IsMatch((string)r["phone"]!, @"^\+1-[2-9]\d\d-555-01\d\d$")), "phone numbers only in the fictional 555-01xx range");
        Assert.IsTrue(rows.All(r => ((string)r["website"]!).StartsWith("https://www.example.", StringComparison.Ordinal)), "URLs only on example domains");
        Assert.IsTrue(rows.All(r => IsDocumentationAddress((IPAddress)r["ip"]!)), "IP addresses only from the documentation ranges");
        Assert.IsTrue(rows.All(r => IsDocumentationAddress(IPAddress.Parse((string)r["ip_text"]!))));
        Assert.IsTrue(rows.All(r => ((string)r["password_hash"]!).StartsWith("$2b$10$", StringComparison.Ordinal) && ((string)r["password_hash"]!).Length == 60));
        var reference = new DateOnly(2025, 1, 1);
        Assert.IsTrue(rows.All(r => (DateOnly)r["birth_date"]! >= reference.AddYears(-90) && (DateOnly)r["birth_date"]! <= reference.AddYears(-18)), "birth dates 18 to 90 years back");
        Assert.IsTrue(rows.All(r => (int)r["age"]! is >= 18 and <= 90));
        var active = rows.Count(r => (bool)r["is_active"]!);
        Assert.IsTrue(active is > 1400 and < 1800, $"is_active is mostly true ({active} of 2000)");
    }

    [TestMethod]
    public void A_full_name_beside_first_and_last_names_is_made_of_them_as_is_the_e_mail_address()
    {
        // Roundcube's contacts: name, email, firstname, surname (in that order).
        var contacts = Table("contacts", [Id(), Null("name", Varchar(128)), Col("email", Text), Null("firstname", Varchar(128)), Null("surname", Varchar(128))]);

        var rows = Seeding.Plan(Database(contacts), Seeding.Settings(rows: 300)).Rows("contacts");

        var complete = rows.Where(r => r["firstname"] is string && r["surname"] is string && r["name"] is string).ToList();
        Assert.IsGreaterThan(150, complete.Count);
        Assert.IsTrue(complete.All(r => (string)r["name"]! == $"{r["firstname"]} {r["surname"]}"), "name is first name and surname");
        Assert.IsTrue(complete.All(r => ((string)r["email"]!).Contains(string.Concat(((string)r["surname"]!).Where(char.IsAsciiLetter)).ToLowerInvariant(), StringComparison.Ordinal)));
    }

    [TestMethod]
    public void An_id_column_without_a_foreign_key_finds_its_table_behind_the_prefix_every_table_of_the_schema_shares()
    {
        // Icinga 2's IDO schema: no foreign keys, every table named icinga_…, host_object_id points at icinga_objects.
        var objects = Table("icinga_objects", [Id("object_id", BigInt), Col("name1", Text)], primaryKey: Key("icinga_objects_pkey", "object_id"));
        var instances = Table("icinga_instances", [Id("instance_id", BigInt), Col("instance_name", Text)], primaryKey: Key("icinga_instances_pkey", "instance_id"));
        var hosts = Table("icinga_hosts", [Id("host_id", BigInt), Col("instance_id", BigInt), Col("host_object_id", BigInt)], primaryKey: Key("icinga_hosts_pkey", "host_id"));
        var settings = Seeding.Settings(rows: 40).With("icinga_objects", new TableSeedSettings { Rows = 7 });

        var plan = Seeding.Plan(Database(objects, instances, hosts), settings);

        Assert.IsTrue(plan.Column("icinga_hosts", "host_object_id").All(value => (long)value! is >= 1 and <= 7));
        Assert.IsTrue(plan.Column("icinga_hosts", "instance_id").All(value => (long)value! is >= 1 and <= 40));
        Assert.Contains("icinga_hosts.host_object_id has no foreign key; its values are keys of icinga_objects (1 to 7)", string.Join('\n', plan.Notes));
    }

    [TestMethod]
    public void Domain_names_are_under_example_domains_and_distinct_ones_carry_the_row_number_in_their_first_label()
    {
        // PowerDNS: domains.name VARCHAR(255) NOT NULL with a unique index.
        var domains = Table("domains", [Id(), Col("name", Varchar(255)), Null("hostname", Varchar(64))], uniques: [Key("name_index", "name")]);

        var rows = Seeding.Plan(Database(domains), Seeding.Settings(rows: 500)).Rows("domains");

        var names = rows.Select(r => (string)r["name"]!).ToList();
        Assert.IsTrue(names.All(n => Regex.IsMatch(n, @"^[a-z]+(-[a-z]+)*-\d+\.example\.(com|net|org)$")), string.Join(", ", names.Take(5)));
        Assert.HasCount(500, names.Distinct());
        Assert.IsTrue(rows.Select(r => r["hostname"]).OfType<string>().All(n => Regex.IsMatch(n, @"^[a-z]+(-[a-z]+)?\.example\.(com|net|org)$")));
    }

    [TestMethod]
    public void Every_type_gets_its_clr_value()
    {
        var table = Table("things", [
            Id(), Col("b", Bool), Col("s", SmallInt), Col("i", Int), Col("l", BigInt), Col("n", Numeric(8, 3)), Col("r", Float4), Col("d", Float8),
            Col("m", Money), Col("t", Text), Col("u", Uuid), Col("j", Jsonb), Col("day", Date), Col("at_time", Time), Col("ts", Timestamp),
            Col("tstz", TimestampTz), Col("span", Interval), Col("bytes", Bytea), Col("address", Inet), Col("mood", EnumType("mood", "sad", "ok", "happy")),
            Col("tags", TextArray), Col("scores", IntArray)]);
        var row = Seeding.Plan(Database(table), Seeding.Settings(rows: 3)).Rows("things")[1];

        Assert.IsInstanceOfType<bool>(row["b"]);
        Assert.IsInstanceOfType<short>(row["s"]);
        Assert.IsInstanceOfType<int>(row["i"]);
        Assert.IsInstanceOfType<long>(row["l"]);
        Assert.AreEqual(3, ((decimal)row["n"]!).Scale, "numeric(8,3) values have the column's scale");
        Assert.IsInstanceOfType<float>(row["r"]);
        Assert.IsInstanceOfType<double>(row["d"]);
        Assert.IsInstanceOfType<decimal>(row["m"]);
        Assert.IsInstanceOfType<string>(row["t"]);
        Assert.AreEqual(4, ((Guid)row["u"]!).Version);
        using (var json = System.Text.Json.JsonDocument.Parse((string)row["j"]!))
        {
            Assert.AreEqual(System.Text.Json.JsonValueKind.Object, json.RootElement.ValueKind);
        }

        Assert.IsInstanceOfType<DateOnly>(row["day"]);
        Assert.IsInstanceOfType<TimeOnly>(row["at_time"]);
        Assert.AreEqual(DateTimeKind.Unspecified, ((DateTime)row["ts"]!).Kind);
        Assert.AreEqual(DateTimeKind.Utc, ((DateTime)row["tstz"]!).Kind);
        Assert.IsInstanceOfType<TimeSpan>(row["span"]);
        Assert.IsInstanceOfType<byte[]>(row["bytes"]);
        Assert.IsInstanceOfType<IPAddress>(row["address"]);
        CollectionAssert.Contains(new[] { "sad", "ok", "happy" }, row["mood"]);
        Assert.IsInstanceOfType<string[]>(row["tags"]);
        Assert.IsInstanceOfType<int[]>(row["scores"]);
        Assert.IsTrue(((string[])row["tags"]!).Length is >= 1 and <= 4);
    }

    private static bool IsDocumentationAddress(IPAddress address)
    {
        var text = address.ToString();
        return text.StartsWith("192.0.2.", StringComparison.Ordinal) || text.StartsWith("198.51.100.", StringComparison.Ordinal)
            || text.StartsWith("203.0.113.", StringComparison.Ordinal) || text.StartsWith("2001:db8:", StringComparison.Ordinal);
    }
}
