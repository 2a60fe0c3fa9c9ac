using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// Constraints no generated rows can satisfy are coded errors found while planning, before anything is inserted:
/// the database keeps zero rows in every table, including a table that could have been filled.
/// </summary>
[TestClass]
public sealed class UnsatisfiableConstraintTests
{
    // A table the seeder can fill: it must stay empty when another table cannot be.
    private const string Fillable = "CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL);\n";

    private const string CheckBeyondTheParser =
        "CREATE TABLE readings (id serial PRIMARY KEY, value integer NOT NULL CONSTRAINT readings_value_odd CHECK (value % 2 = 1));";

    private const string UniqueBoolean = "CREATE TABLE flags (id serial PRIMARY KEY, is_default boolean NOT NULL UNIQUE);";

    private const string NotNullCycle = """
        CREATE TABLE teams (id integer PRIMARY KEY, captain_id integer NOT NULL);
        CREATE TABLE players (id integer PRIMARY KEY, team_id integer NOT NULL REFERENCES teams (id));
        ALTER TABLE teams ADD CONSTRAINT teams_captain_id_fkey FOREIGN KEY (captain_id) REFERENCES players (id);
        """;

    private const string ContradictoryChecks =
        "CREATE TABLE boxes (id serial PRIMARY KEY, size integer NOT NULL CONSTRAINT boxes_size CHECK (size > 10 AND size < 5));";

    private const string TypeWithoutGenerator = "CREATE TABLE places (id serial PRIMARY KEY, position pg_lsn NOT NULL);";

    private static readonly SeedSettings Settings = new() { Seed = 11, DefaultRows = 20 };

    [TestMethod]
    public async Task A_check_beyond_the_parser_on_a_not_null_column_is_PREVIEW4017()
    {
        var error = await RefusedAsync(CheckBeyondTheParser, DiagnosticCodes.SeedCheckNotUnderstood);

        Assert.StartsWith("The CHECK constraint 'readings_value_odd' of 'readings' (", error.Message);
        Assert.Contains("give readings.value an expression: override", error.Message);
    }

    [TestMethod]
    public async Task A_unique_boolean_with_more_rows_than_values_is_PREVIEW4020()
    {
        var error = await RefusedAsync(UniqueBoolean, DiagnosticCodes.SeedUniqueUnsatisfiable);

        Assert.StartsWith("'flags.is_default' must be unique (flags_is_default_key), but only 2 distinct values can be generated for the 20 rows of 'flags'.", error.Message);
    }

    [TestMethod]
    public async Task A_cycle_of_not_null_foreign_keys_is_PREVIEW4021()
    {
        var error = await RefusedAsync(NotNullCycle, DiagnosticCodes.SeedForeignKeyCycle);

        foreach (var named in new[] { "players", "teams", "players_team_id_fkey", "teams_captain_id_fkey" })
        {
            Assert.Contains(named, error.Message);
        }
    }

    [TestMethod]
    public async Task Contradictory_checks_are_PREVIEW4018()
    {
        var error = await RefusedAsync(ContradictoryChecks, DiagnosticCodes.SeedCheckUnsatisfiable);

        Assert.StartsWith("The constraints of 'boxes.size' (integer, CHECK 'boxes_size') leave no value the seeder can generate", error.Message);
    }

    [TestMethod]
    public async Task A_not_null_column_of_a_type_without_a_generator_is_PREVIEW4016()
    {
        var error = await RefusedAsync(TypeWithoutGenerator, DiagnosticCodes.SeedColumnNeedsOverride);

        Assert.StartsWith("Column 'places.position' is NOT NULL and of type pg_lsn, which the seeder cannot generate.", error.Message);
    }

    [TestMethod]
    public async Task Every_problem_of_a_schema_is_reported_in_one_run()
    {
        var target = await SeedTarget.CreateAsync(
            Fillable + string.Join('\n', CheckBeyondTheParser, UniqueBoolean, NotNullCycle, ContradictoryChecks, TypeWithoutGenerator));

        var result = await target.SeedAsync(Settings);

        CollectionAssert.AreEquivalent(
            new[]
            {
                DiagnosticCodes.SeedCheckNotUnderstood, DiagnosticCodes.SeedUniqueUnsatisfiable, DiagnosticCodes.SeedForeignKeyCycle,
                DiagnosticCodes.SeedCheckUnsatisfiable, DiagnosticCodes.SeedColumnNeedsOverride,
            },
            result.Diagnostics.Where(d => d.IsError).Select(d => d.Code).ToList(),
            SeedTarget.Describe(result.Diagnostics));
        await target.AssertNoRowsAsync();
    }

    /// <summary>Seeds <paramref name="ddl"/> next to a fillable table, asserts the one error and that no table got a row.</summary>
    private static async Task<PreviewDiagnostic> RefusedAsync(string ddl, string code)
    {
        var target = await SeedTarget.CreateAsync(Fillable + ddl);

        var result = await target.SeedAsync(Settings);

        var error = SeedTarget.SingleError(result, code);
        Assert.Contains(" Fix: ", error.Message);
        Assert.IsTrue(await target.TablesAsync() is { Count: > 1 } tables && tables.Contains("notes"));
        await target.AssertNoRowsAsync();
        return error;
    }
}
