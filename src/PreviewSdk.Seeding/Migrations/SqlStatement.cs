using System.Text.RegularExpressions;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>One SQL statement of a script, as it is sent to the server, with what the runner needs to know of it.</summary>
/// <param name="Text">The statement without comments around it, with its semicolon.</param>
/// <param name="Line">The line of the file its first word is on.</param>
public sealed partial record SqlStatement(string Text, int Line) : SqlScriptPart(Line)
{
    /// <summary>
    /// Transaction control the file does itself (<c>BEGIN</c>, <c>START TRANSACTION</c>, <c>COMMIT</c>, <c>END</c>,
    /// <c>ROLLBACK</c>, <c>ABORT</c>), as <c>dotnet ef migrations script</c> and hand-written scripts do.
    /// </summary>
    public bool IsTransactionControl => TransactionControl().IsMatch(Text);

    /// <summary>
    /// A statement PostgreSQL refuses inside a transaction block (<c>CREATE INDEX CONCURRENTLY</c>, <c>VACUUM</c>,
    /// <c>CREATE DATABASE</c>, <c>ALTER SYSTEM</c>…) or one whose effect later statements of the same transaction
    /// cannot use (<c>ALTER TYPE … ADD VALUE</c>).
    /// </summary>
    public bool NeedsAutocommit => OutsideTransaction().IsMatch(Text);

    /// <summary>A <c>COPY … FROM stdin</c>: its data follows in the file.</summary>
    public static bool IsCopyFromStdin(string text) => CopyFromStdin().IsMatch(text);

    /// <summary>The line of the file that a 1-based character position in <see cref="Text"/> is on.</summary>
    /// <param name="position">PostgreSQL's error position, or 0 when it gave none.</param>
    public int LineAt(int position)
    {
        var line = Line;
        for (var i = 0; i < Math.Min(position - 1, Text.Length); i++)
        {
            if (Text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>The statement shortened to one line, for messages.</summary>
    public string Excerpt
    {
        get
        {
            var flat = Whitespace().Replace(Text, " ");
            return flat.Length <= 80 ? flat : flat[..77] + "...";
        }
    }

    [GeneratedRegex(@"^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\b(?!\s+ATOMIC)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TransactionControl();

    [GeneratedRegex(
        @"^(CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY|DROP\s+INDEX\s+CONCURRENTLY|REINDEX\b.*\bCONCURRENTLY|VACUUM|CREATE\s+DATABASE|DROP\s+DATABASE|ALTER\s+DATABASE\s+\S+\s+SET\s+TABLESPACE|CREATE\s+TABLESPACE|DROP\s+TABLESPACE|ALTER\s+SYSTEM|ALTER\s+TYPE\s+\S+\s+ADD\s+VALUE|CREATE\s+SUBSCRIPTION|DROP\s+SUBSCRIPTION)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex OutsideTransaction();

    [GeneratedRegex(@"^COPY\b.*\bFROM\s+STDIN\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CopyFromStdin();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
