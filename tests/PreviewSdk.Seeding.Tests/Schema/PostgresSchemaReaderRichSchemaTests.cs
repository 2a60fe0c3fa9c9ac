using System.Diagnostics;
using Npgsql;
using PreviewSdk.Seeding.Checks;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Tests.Infrastructure;

namespace PreviewSdk.Seeding.Tests.Schema;

/// <summary>Sql/rich-schema.sql read back: every kind of column, type and constraint the reader must report.</summary>
[TestClass]
public sealed class PostgresSchemaReaderRichSchemaTests
{
    private static TestPostgres postgres = null!;
    private static string database = null!;
    private static DatabaseSchema schema = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task LoadRichSchema(TestContext context)
    {
        postgres = await TestPostgres.Shared();
        database = await RichSchema.CreateDatabaseAsync(postgres);
        schema = await RichSchema.ReadAsync(postgres, database);
    }

    [TestMethod]
    public void ReadAsync_lists_every_table_by_schema_then_name_without_the_EF_history_or_partitions()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                "crm.tickets", "addresses", "audit_log", "categories", "customers", "departments", "employees",
                "loyalty_accounts", "order_lines", "orders", "products", "search_terms", "stock_levels", "warehouses",
            },
            schema.Tables.Select(table => table.DisplayName).ToArray());
        Assert.IsNull(schema.Find("__EFMigrationsHistory"));
        Assert.IsNull(schema.Find("audit_log_default"));
        Assert.AreEqual("\"crm\".\"tickets\"", schema.Find("crm.tickets")!.QualifiedName);
    }

    [TestMethod]
    public void ReadAsync_reads_columns_in_order_with_types_bounds_nullability_and_defaults()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                "id bigint Int64 not null serial",
                "sku character(8) Text(8) not null",
                "name character varying(120) Text(120) not null",
                "description text Text null",
                "category_id integer Int32 not null",
                "price capped_money Numeric(10,2) domain(numeric(10,2) Numeric(10,2)) not null",
                "cost numeric(10,2) Numeric(10,2) not null",
                "currency currency_code Text(3) domain(character(3) Text(3)) not null default 'EUR'::bpchar",
                "tags text[] Array of text Text not null default '{}'::text[]",
                "sizes character varying(5)[] Array of character varying(5) Text(5) null",
                "attributes jsonb Jsonb null",
                "weight_grams integer Int32 null",
                "status character varying(12) Text(12) not null default 'draft'::character varying",
                "created_at timestamp with time zone TimestampTz not null default now()",
                "updated_at timestamp with time zone TimestampTz not null default now()",
            },
            ColumnLines("products"));
        CollectionAssert.AreEqual(
            new[]
            {
                "id uuid Uuid not null default gen_random_uuid()",
                "email character varying(120) Text(120) not null",
                "first_name character varying(40) Text(40) not null",
                "last_name character varying(40) Text(40) not null",
                "country character(2) Text(2) not null",
                "birth_date date Date null",
                "marketing_opt_in boolean Boolean not null default false",
                "source text Text not null default 'web'::text",
                "preferences json Json null",
                "lucky_numbers integer[] Array of integer Int32 null",
                "signup_ip inet Inet null",
                "created_at timestamp without time zone Timestamp not null",
            },
            ColumnLines("customers"));
        CollectionAssert.AreEqual(
            new[]
            {
                "id integer Int32 not null identity ByDefault",
                "department_id integer Int32 not null",
                "manager_id integer Int32 null",
                "first_name character varying(40) Text(40) not null",
                "last_name character varying(40) Text(40) not null",
                "email character varying(120) Text(120) not null",
                "hired_on date Date not null",
                "terminated_on date Date null",
                "is_active boolean Boolean not null default true",
                "salary money Money null",
                "weekly_hours interval Interval null",
                "photo bytea Bytea null",
            },
            ColumnLines("employees"));
        CollectionAssert.AreEqual(
            new[]
            {
                "id bigint Int64 not null identity ByDefault",
                "customer_id uuid Uuid not null",
                "assignee_id integer Int32 null",
                "subject character varying(200) Text(200) not null",
                "priority crm.ticket_priority Enum[low,normal,high,urgent] not null default 'normal'::crm.ticket_priority",
                "callback_time time without time zone Time null",
                "ExternalRef character varying(32) Text(32) null",
                "opened_at timestamp with time zone TimestampTz not null",
                "closed_at timestamp with time zone TimestampTz null",
            },
            ColumnLines("crm.tickets"));
    }

    [TestMethod]
    public void ReadAsync_tells_identity_kinds_serials_and_generated_columns_apart()
    {
        Assert.AreEqual(IdentityKind.Always, Column("departments", "id").Identity);
        Assert.AreEqual(IdentityKind.Always, Column("orders", "id").Identity);
        Assert.AreEqual(IdentityKind.ByDefault, Column("employees", "id").Identity);

        var serial = Column("categories", "id");
        Assert.AreEqual((IdentityKind.None, true, true, PgTypeKind.Int32), (serial.Identity, serial.IsSerial, serial.IsSequenceBacked, serial.Type.Kind));
        Assert.AreEqual("nextval('categories_id_seq'::regclass)", serial.Default);
        var bigSerial = Column("products", "id");
        Assert.AreEqual((true, PgTypeKind.Int64), (bigSerial.IsSerial, bigSerial.Type.Kind));
        Assert.IsFalse(Column("customers", "id").IsSequenceBacked);

        var generated = Column("order_lines", "line_total");
        Assert.IsTrue(generated.IsGenerated);
        Assert.IsNull(generated.Default, "a generation expression is not a default");
        Assert.AreEqual((12, 2), (generated.Type.Precision, generated.Type.Scale));
        Assert.IsFalse(Column("order_lines", "quantity").IsGenerated);
    }

    [TestMethod]
    public void ReadAsync_reads_enum_labels_in_declaration_order_with_the_qualified_name()
    {
        var status = Column("orders", "status").Type;
        Assert.AreEqual((PgTypeKind.Enum, "order_status", "public.order_status"), (status.Kind, status.Name, status.QualifiedName));
        CollectionAssert.AreEqual(new[] { "new", "paid", "on_hold", "shipped", "cancelled" }, status.EnumLabels.ToArray());

        var priority = Column("crm.tickets", "priority").Type;
        Assert.AreEqual((PgTypeKind.Enum, "crm.ticket_priority"), (priority.Kind, priority.QualifiedName));
        CollectionAssert.AreEqual(new[] { "low", "normal", "high", "urgent" }, priority.EnumLabels.ToArray());
    }

    [TestMethod]
    public void ReadAsync_resolves_a_domain_over_a_domain_to_its_base_with_every_check_on_the_way()
    {
        var price = Column("products", "price").Type;

        Assert.AreEqual(("capped_money", PgTypeKind.Numeric, "public.capped_money"), (price.Name, price.Kind, price.QualifiedName));
        Assert.IsNotNull(price.DomainBase);
        Assert.AreEqual(("numeric(10,2)", PgTypeKind.Numeric, 10, 2), (price.DomainBase.Name, price.DomainBase.Kind, price.DomainBase.Precision, price.DomainBase.Scale));
        Assert.IsNull(price.DomainBase.DomainBase);
        Assert.AreSame(price.DomainBase, price.ValueType);
        CollectionAssert.AreEqual(
            new[] { "check capped_money_check(): VALUE <= 100000", "check positive_money_check(): VALUE > 0" },
            price.DomainChecks.Select(SchemaText.Describe).ToArray());
        Assert.AreEqual("CHECK (((VALUE)::numeric <= (100000)::numeric))", price.DomainChecks[0].Expression);
    }

    [TestMethod]
    public void ReadAsync_takes_not_null_from_a_domain_and_reads_its_pattern_check()
    {
        var currency = Column("orders", "currency");

        Assert.IsFalse(currency.IsNullable, "currency_code is a NOT NULL domain");
        Assert.AreEqual(("public.currency_code", PgTypeKind.Text, 3), (currency.Type.QualifiedName, currency.Type.ValueType.Kind, currency.Type.ValueType.MaxLength));
        Assert.HasCount(1, currency.Type.DomainChecks);
        Assert.AreEqual(new MatchesPattern("VALUE", "^[A-Z]{3}$"), currency.Type.DomainChecks[0].Rules!.Single());
        Assert.IsEmpty(currency.Type.DomainChecks[0].Columns);
    }

    [TestMethod]
    public void ReadAsync_reads_array_element_types_with_their_bounds()
    {
        var sizes = Column("products", "sizes").Type;
        Assert.AreEqual((PgTypeKind.Array, PgTypeKind.Text, 5), (sizes.Kind, sizes.Element!.Kind, sizes.Element.MaxLength));
        Assert.AreEqual(PgTypeKind.Text, Column("products", "tags").Type.Element!.Kind);
        Assert.AreEqual(PgTypeKind.Int32, Column("customers", "lucky_numbers").Type.Element!.Kind);
        Assert.IsNull(Column("products", "name").Type.Element);
    }

    [TestMethod]
    public void ReadAsync_reads_primary_keys_in_key_order()
    {
        Assert.AreEqual("addresses_pkey(customer_id, address_no)", SchemaText.Describe(Table("addresses").PrimaryKey!));
        Assert.AreEqual("order_lines_pkey(order_id, line_no)", SchemaText.Describe(Table("order_lines").PrimaryKey!));
        Assert.AreEqual("stock_levels_pkey(warehouse_code, product_id)", SchemaText.Describe(Table("stock_levels").PrimaryKey!));
        Assert.AreEqual("audit_log_pkey(id, logged_at)", SchemaText.Describe(Table("audit_log").PrimaryKey!));
        Assert.AreEqual("warehouses_pkey(code)", SchemaText.Describe(Table("warehouses").PrimaryKey!));
        Assert.IsNull(Table("search_terms").PrimaryKey);
    }

    [TestMethod]
    public void ReadAsync_reads_unique_constraints_and_plain_unique_indexes_but_not_partial_ones()
    {
        CollectionAssert.AreEqual(new[] { "products_sku_key(sku)" }, Uniques("products"), "the partial products_active_sku is left out");
        CollectionAssert.AreEqual(
            new[] { "customers_email_key(email)", "customers_name_birth(last_name, first_name, birth_date)" },
            Uniques("customers"));
        CollectionAssert.AreEqual(new[] { "categories_parent_name_key(parent_id, name)" }, Uniques("categories"));
        CollectionAssert.AreEqual(new[] { "order_lines_order_product_key(order_id, product_id)" }, Uniques("order_lines"));
        CollectionAssert.AreEqual(new[] { "stock_levels_warehouse_bin(warehouse_code, bin)" }, Uniques("stock_levels"));
        CollectionAssert.AreEqual(new[] { "departments_name_key(name)" }, Uniques("departments"), "a constraint's own index is not listed again");
        Assert.IsEmpty(Table("addresses").Uniques, "the primary key is not a unique");
    }

    [TestMethod]
    public void ReadAsync_pairs_composite_foreign_key_columns_in_constraint_order()
    {
        var shipping = Table("orders").ForeignKeys.Single(key => key.Name == "orders_shipping_address_fkey");

        CollectionAssert.AreEqual(new[] { "shipping_address_no", "shipping_customer_id" }, shipping.Columns.ToArray());
        Assert.AreEqual(("public", "addresses"), (shipping.ReferencedSchema, shipping.ReferencedTable));
        CollectionAssert.AreEqual(new[] { "address_no", "customer_id" }, shipping.ReferencedColumns.ToArray());
    }

    [TestMethod]
    public void ReadAsync_reads_self_references_cycles_and_references_across_schemas()
    {
        CollectionAssert.AreEqual(
            new[] { "fk categories_parent_id_fkey(parent_id) -> categories(id)" },
            Table("categories").ForeignKeys.Select(SchemaText.Describe).ToArray());
        CollectionAssert.AreEqual(
            new[]
            {
                "fk employees_department_id_fkey(department_id) -> departments(id)",
                "fk employees_manager_id_fkey(manager_id) -> employees(id)",
            },
            Table("employees").ForeignKeys.Select(SchemaText.Describe).ToArray());
        CollectionAssert.AreEqual(
            new[] { "fk departments_head_employee_id_fkey(head_employee_id) -> employees(id)" },
            Table("departments").ForeignKeys.Select(SchemaText.Describe).ToArray());
        CollectionAssert.AreEqual(
            new[]
            {
                "fk tickets_assignee_id_fkey(assignee_id) -> employees(id)",
                "fk tickets_customer_id_fkey(customer_id) -> customers(id)",
            },
            Table("crm.tickets").ForeignKeys.Select(SchemaText.Describe).ToArray());
        Assert.AreEqual("public", Table("crm.tickets").ForeignKeys[1].ReferencedSchema);
    }

    [TestMethod]
    public void ReadAsync_reads_checks_by_name_with_their_columns_and_rules()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                "check products_cost_check(cost): cost >= 0",
                "check products_created_before_updated(created_at, updated_at): created_at <= updated_at",
                "check products_sku_check(sku): length(sku) = 8",
                "check products_status_check(status): status IN (draft, active, retired)",
                "check products_weight_grams_check(weight_grams): weight_grams > 0",
            },
            Checks("products"));
        CollectionAssert.AreEqual(
            new[]
            {
                "check employees_active_or_terminated(is_active, terminated_on): terminated_on: Any if is_active IN (true), else NotNull",
                "check employees_email_check(email): email ~ ^.*@.*$",
                "check employees_first_name_check(first_name): length(first_name) >= 2",
                "check employees_hired_on_check(hired_on): hired_on >= 2000-01-01",
            },
            Checks("employees"));
        CollectionAssert.AreEqual(
            new[]
            {
                "check orders_discount_percent_check(discount_percent): discount_percent >= 0 AND discount_percent <= 100",
                "check orders_shipped_after_placed(shipped_at, placed_at): (shipped_at IS NULL) OR (shipped_at >= placed_at)",
            },
            Checks("orders"));
        CollectionAssert.AreEqual(
            new[]
            {
                "check loyalty_accounts_card_number_check(card_number): card_number ~ ^[0-9]{16}$",
                "check loyalty_accounts_level_present(level): level IS NOT NULL",
                "check loyalty_accounts_points_check(points): points >= -500",
            },
            Checks("loyalty_accounts"));
        CollectionAssert.AreEqual(new[] { "check categories_position_check(position): position >= 0 AND position <= 1000" }, Checks("categories"));
        CollectionAssert.AreEqual(new[] { "check customers_source_check(source): source IN (web, store, phone)" }, Checks("customers"));
        Assert.AreEqual("CHECK ((0 < weight_grams))", Table("products").Checks[4].Expression);
    }

    [TestMethod]
    public void ReadAsync_understands_every_check_of_the_rich_schema()
    {
        var unparsed = schema.Tables
            .SelectMany(table => table.Checks.Concat(table.Columns.SelectMany(column => column.Type.DomainChecks)))
            .Where(check => check.Rules is null)
            .Select(check => check.Expression)
            .ToArray();

        Assert.IsEmpty(unparsed, string.Join("\n", unparsed));
    }

    [TestMethod]
    public async Task ReadAsync_returns_the_same_schema_on_every_read()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database));
        await connection.OpenAsync();
        var stopwatch = Stopwatch.StartNew();
        var again = await PostgresSchemaReader.ReadAsync(connection, SchemaReadOptions.Default);
        stopwatch.Stop();
        TestContext.WriteLine($"Reading rich-schema.sql ({again.Tables.Count} tables) on an open connection took {stopwatch.Elapsed.TotalMilliseconds:F1} ms.");

        Assert.AreEqual(SchemaText.Describe(schema), SchemaText.Describe(again));
    }

    private static TableSchema Table(string displayName) =>
        schema.Find(displayName) ?? throw new AssertFailedException($"No table {displayName}.");

    private static ColumnSchema Column(string table, string column) =>
        Table(table).Column(column) ?? throw new AssertFailedException($"No column {table}.{column}.");

    private static string[] ColumnLines(string table) => Table(table).Columns.Select(SchemaText.Describe).ToArray();

    private static string[] Uniques(string table) => Table(table).Uniques.Select(SchemaText.Describe).ToArray();

    private static string[] Checks(string table) => Table(table).Checks.Select(SchemaText.Describe).ToArray();
}
