using PreviewSdk.Seeding.Migrations;

namespace PreviewSdk.Seeding.Tests.Migrations;

[TestClass]
public sealed class SqlScriptTests
{
    [TestMethod]
    public void Parse_splits_at_semicolons_outside_quotes_comments_and_dollar_quotes_and_keeps_each_statement_line()
    {
        var script = SqlScript.Parse("""
            -- a comment; not a statement
            CREATE TABLE a (note text DEFAULT 'x;y', "odd;name" int);
            /* block; /* nested; */ still comment */
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
            BEGIN
              RETURN 1; -- inside the body
            END
            $body$;
            SELECT E'it\'s; fine', $$a;b$$, $1;
            """);

        var statements = script.Statements.ToList();
        Assert.HasCount(3, statements);
        Assert.AreEqual((2, "CREATE TABLE a (note text DEFAULT 'x;y', \"odd;name\" int);"), (statements[0].Line, statements[0].Text));
        Assert.AreEqual(4, statements[1].Line);
        StringAssert.Contains(statements[1].Text, "RETURN 1;");
        Assert.AreEqual((9, "SELECT E'it\\'s; fine', $$a;b$$, $1;"), (statements[2].Line, statements[2].Text));
    }

    [TestMethod]
    public void Parse_keeps_an_sql_standard_function_body_with_its_semicolons_in_one_statement()
    {
        var script = SqlScript.Parse("""
            CREATE FUNCTION total(a int, b int) RETURNS int LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN a > b THEN a ELSE b END;
              SELECT a + b;
            END;
            CREATE TABLE after_it (id int);
            """);

        var statements = script.Statements.ToList();
        Assert.HasCount(2, statements);
        Assert.IsTrue(statements[0].Text.EndsWith("END;", StringComparison.Ordinal));
        Assert.IsFalse(statements[0].IsTransactionControl);
        Assert.AreEqual(6, statements[1].Line);
    }

    [TestMethod]
    public void Parse_separates_copy_data_and_psql_meta_commands()
    {
        var script = SqlScript.Parse("""
            \restrict abc
            COPY public.t (id, name) FROM stdin;
            1	one;two
            2	\N
            \.
            SELECT 1;
            """);

        Assert.IsInstanceOfType<SqlMetaCommand>(script.Parts[0]);
        Assert.AreEqual("\\restrict abc", ((SqlMetaCommand)script.Parts[0]).Text);
        Assert.IsInstanceOfType<SqlStatement>(script.Parts[1]);
        var data = (SqlCopyData)script.Parts[2];
        Assert.AreEqual(("1\tone;two\n2\t\\N\n", 3), (data.Text, data.Line));
        Assert.AreEqual(("SELECT 1;", 6), (((SqlStatement)script.Parts[3]).Text, script.Parts[3].Line));
    }

    [TestMethod]
    public void Statements_tell_transaction_control_and_what_cannot_run_in_a_transaction()
    {
        var statements = SqlScript.Parse("""
            START TRANSACTION;
            BEGIN;
            CREATE INDEX CONCURRENTLY i ON t (a);
            ALTER TYPE mood ADD VALUE 'meh';
            COMMIT;
            CREATE TABLE begin_table (id int);
            """).Statements.ToList();

        CollectionAssert.AreEqual(new[] { true, true, false, false, true, false }, statements.Select(s => s.IsTransactionControl).ToList());
        CollectionAssert.AreEqual(new[] { false, false, true, true, false, false }, statements.Select(s => s.NeedsAutocommit).ToList());
    }

    [TestMethod]
    public void LineAt_counts_the_lines_before_an_error_position()
    {
        var statement = SqlScript.Parse("\n\nSELECT 1,\n  nowhere;").Statements.Single();

        Assert.AreEqual(3, statement.Line);
        Assert.AreEqual(4, statement.LineAt(statement.Text.IndexOf("nowhere", StringComparison.Ordinal) + 1));
        Assert.AreEqual(3, statement.LineAt(0));
    }

    [TestMethod]
    public void Roles_named_but_not_created_are_found_in_owners_grants_and_authorizations()
    {
        var statements = SqlScript.Parse("""
            CREATE ROLE app_owner;
            ALTER TABLE public.t OWNER TO postgres;
            ALTER TABLE public.u OWNER TO app_owner;
            GRANT SELECT ON TABLE public.t TO reader, "Report Writer";
            REVOKE ALL ON SCHEMA public FROM PUBLIC;
            CREATE SCHEMA billing AUTHORIZATION billing_admin;
            SET SESSION AUTHORIZATION auditor;
            ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public GRANT SELECT ON TABLES TO reader;
            """).Statements;

        CollectionAssert.AreEqual(
            new[] { "postgres", "reader", "Report Writer", "billing_admin", "auditor" },
            ScriptRoles.NamedIn(statements).ToList());
    }
}
