using Npgsql;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// Runs one SQL file as psql would run it with <c>ON_ERROR_STOP</c>: statement by statement, stopping at the first
/// error, which is reported with PostgreSQL's SQLSTATE, message, detail and hint and the file and line of the
/// failing statement (PREVIEW4069). A file without transaction control of its own runs in one transaction, so a
/// failure leaves nothing of it; a file that has its own (<c>BEGIN</c> … <c>COMMIT</c>, as
/// <c>dotnet ef migrations script</c> writes), or a statement PostgreSQL refuses in a transaction block, runs as
/// it is, each statement committing as in psql. Settings the file changes (<c>SET search_path</c>,
/// <c>set_config</c>, <c>SET ROLE</c>) end with it.
/// </summary>
internal static class SqlScriptRunner
{
    // psql meta-commands that change nothing a migration relies on; any other one is reported.
    private static readonly string[] HarmlessMetaCommands = [@"\restrict", @"\unrestrict", @"\set", @"\unset", @"\pset", @"\echo", @"\qecho", @"\encoding", @"\timing"];

    /// <summary>What ran: whether the file used its own transaction control.</summary>
    /// <param name="OwnTransactions">True when the file ran as it is, statement by statement, without a transaction around it.</param>
    /// <param name="CreatedRoles">Roles the file names without creating them, created here as NOLOGIN roles.</param>
    public readonly record struct Outcome(bool OwnTransactions, IReadOnlyList<string> CreatedRoles);

    /// <summary>Runs <paramref name="filePath"/> on <paramref name="connection"/>, then <paramref name="afterwards"/> (the bookkeeping) in the same transaction when there is one.</summary>
    /// <param name="connection">An open connection, not in a transaction.</param>
    /// <param name="filePath">The file.</param>
    /// <param name="target">What the file migrates, for messages: <c>the database 'shopdb'</c>.</param>
    /// <param name="afterwards">Runs after the last statement succeeded (in the file's transaction when it has one).</param>
    /// <param name="cancellationToken">Stops between statements; a transaction of the runner is rolled back.</param>
    /// <exception cref="MigrationCheckException">A statement failed (PREVIEW4069).</exception>
    public static async Task<Outcome> RunAsync(
        NpgsqlConnection connection, string filePath, string target, Func<Task> afterwards, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(filePath);
        // Through the one reader of input files: a regular file of UTF-8 text, at most InputFile.SqlMaxBytes.
        var content = InputFile.Read(filePath, InputFile.SqlMaxBytes);
        var script = SqlScript.Parse(content.Text ?? throw new MigrationCheckException(content.Refusal ?? DiagnosticFactory.Create(
            DiagnosticCodes.MigrationFailed, SourceLocation.WholeFile(filePath), fileName, target, string.Empty,
            content.UnreadableReason is { } reason ? $"the file cannot be read: {reason}." : "the file is gone.")));
        if (script.Parts.OfType<SqlMetaCommand>().FirstOrDefault(command => !IsHarmless(command.Text)) is { } meta)
        {
            throw new MigrationCheckException(DiagnosticFactory.Create(
                DiagnosticCodes.MigrationFailed, new SourceLocation(filePath, meta.Line, 1), fileName, target, AtLine(meta.Line),
                $"the psql meta-command '{meta.Text}' is no SQL, and only psql runs it."));
        }

        var statements = script.Statements.ToList();
        var ownTransactions = statements.Exists(statement => statement.IsTransactionControl || statement.NeedsAutocommit);
        var roles = await CreateMissingRolesAsync(connection, ScriptRoles.NamedIn(statements), cancellationToken);
        NpgsqlTransaction? transaction = ownTransactions ? null : await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await RunPartsAsync(connection, script, filePath, target, cancellationToken);
            await afterwards();
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            await EndFailedTransactionAsync(connection, transaction);
            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await ResetSessionAsync(connection);
        }

        return new Outcome(ownTransactions, roles);
    }

    private static async Task RunPartsAsync(NpgsqlConnection connection, SqlScript script, string filePath, string target, CancellationToken cancellationToken)
    {
        SqlStatement? copy = null;
        foreach (var part in script.Parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                switch (part)
                {
                    case SqlStatement statement when SqlStatement.IsCopyFromStdin(statement.Text):
                        copy = statement;
                        break;
                    case SqlStatement statement:
                        await using (var command = new NpgsqlCommand(statement.Text, connection))
                        {
                            command.CommandTimeout = 0;
                            await command.ExecuteNonQueryAsync(cancellationToken);
                        }

                        break;
                    case SqlCopyData data when copy is not null:
                        await CopyAsync(connection, copy, data.Text, cancellationToken);
                        copy = null;
                        break;
                }
            }
            catch (PostgresException error)
            {
                var failing = part as SqlStatement ?? copy!;
                var line = failing.LineAt(error.Position);
                throw new MigrationCheckException(DiagnosticFactory.Create(
                    DiagnosticCodes.MigrationFailed, new SourceLocation(filePath, line, 1), Path.GetFileName(filePath), target, AtLine(line),
                    Describe(error, failing)));
            }
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, SqlStatement copy, string data, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginTextImportAsync(copy.Text.TrimEnd(';'), cancellationToken);
        await writer.WriteAsync(data.AsMemory(), cancellationToken);
    }

    /// <summary>PostgreSQL's own words: SQLSTATE and message, then detail, hint and where, then the statement.</summary>
    internal static string Describe(PostgresException error, SqlStatement? statement)
    {
        var text = $"{error.SqlState}: {Sentence(error.MessageText)}";
        if (!string.IsNullOrWhiteSpace(error.Detail))
        {
            text += $" Detail: {Sentence(error.Detail)}";
        }

        if (!string.IsNullOrWhiteSpace(error.Hint))
        {
            text += $" Hint: {Sentence(error.Hint)}";
        }

        return statement is null ? text : $"{text} The statement: {statement.Excerpt}";
    }

    private static string AtLine(int line) => $" at line {line}";

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    private static bool IsHarmless(string command) =>
        HarmlessMetaCommands.Any(known => command.Equals(known, StringComparison.Ordinal) || command.StartsWith(known + " ", StringComparison.Ordinal));

    private static async Task<IReadOnlyList<string>> CreateMissingRolesAsync(NpgsqlConnection connection, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        if (roles.Count == 0)
        {
            return [];
        }

        var missing = new List<string>();
        await using (var query = new NpgsqlCommand("SELECT r FROM pg_catalog.unnest($1::text[]) AS r WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r)", connection))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = roles.ToArray() });
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                missing.Add(reader.GetString(0));
            }
        }

        foreach (var role in missing)
        {
            await using var create = new NpgsqlCommand($"CREATE ROLE {Schema.SqlNames.Quote(role)} NOLOGIN", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return missing;
    }

    // A failed statement leaves the file's transaction (the runner's or its own BEGIN) aborted: end it, so the
    // connection is usable and nothing half done stays.
    private static async Task EndFailedTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        try
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            else if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        catch (Exception error) when (error is NpgsqlException or InvalidOperationException)
        {
            // The connection broke or the transaction already ended: the server discarded it.
        }
    }

    // The next file and the seeder start from the session's defaults, as psql starts each file in a new session.
    private static async Task ResetSessionAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var reset = new NpgsqlCommand("RESET ALL", connection);
            await reset.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // A broken connection has no session left to reset.
        }
    }
}
