using System.Text;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// An SQL file cut into the statements psql would send one by one: split at semicolons outside quotes
/// (<c>'…'</c>, <c>E'…'</c>, <c>"…"</c>, <c>$tag$…$tag$</c>), comments (<c>--</c>, nested <c>/* */</c>),
/// parentheses and SQL-standard function bodies (<c>BEGIN ATOMIC … END</c>), with psql's meta-commands
/// (<c>\connect</c>) and the data lines of <c>COPY … FROM stdin</c> kept apart. Each piece knows the line it starts
/// on, so an error points at the failing statement.
/// </summary>
public sealed class SqlScript
{
    private SqlScript(IReadOnlyList<SqlScriptPart> parts) => Parts = parts;

    /// <summary>The statements, meta-commands and COPY data of the file, in order.</summary>
    public IReadOnlyList<SqlScriptPart> Parts { get; }

    /// <summary>Just the statements.</summary>
    public IEnumerable<SqlStatement> Statements => Parts.OfType<SqlStatement>();

    /// <summary>Cuts <paramref name="text"/> into its parts.</summary>
    /// <param name="text">The file's text.</param>
    public static SqlScript Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SqlScript(new Lexer(text).Run());
    }

    private sealed class Lexer(string text)
    {
        private readonly List<SqlScriptPart> parts = [];
        private readonly StringBuilder current = new();
        private int position;
        private int line = 1;
        private int startLine;
        private int parentheses;
        private int blocks;
        private bool routine;

        public List<SqlScriptPart> Run()
        {
            while (position < text.Length)
            {
                var c = text[position];
                if (IsBlank() && c == '\\' && AtLineStart())
                {
                    MetaCommand();
                    continue;
                }

                if (c == '-' && Peek(1) == '-')
                {
                    Comment();
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    BlockComment();
                }
                else if (c == '\'')
                {
                    Quoted('\'', backslashEscapes: IsEscapeStringPrefix());
                }
                else if (c == '"')
                {
                    Quoted('"', backslashEscapes: false);
                }
                else if (c == '$' && DollarTag() is { } tag)
                {
                    DollarQuoted(tag);
                }
                else if (c == ';' && parentheses == 0 && blocks == 0)
                {
                    Take();
                    EndStatement();
                }
                else if (char.IsLetter(c) || c == '_')
                {
                    Word();
                }
                else
                {
                    if (c == '(')
                    {
                        parentheses++;
                    }
                    else if (c == ')' && parentheses > 0)
                    {
                        parentheses--;
                    }

                    Take();
                }
            }

            EndStatement();
            return parts;
        }

        private char Peek(int offset) => position + offset < text.Length ? text[position + offset] : '\0';

        private bool IsBlank() => current.Length == 0 || string.IsNullOrWhiteSpace(current.ToString());

        private bool AtLineStart()
        {
            for (var i = position - 1; i >= 0 && text[i] != '\n'; i--)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        // Appends one character, counting lines and noting where a statement's first visible character is.
        private void Take()
        {
            var c = text[position++];
            if (startLine == 0 && !char.IsWhiteSpace(c))
            {
                startLine = line;
            }

            if (c == '\n')
            {
                line++;
            }

            current.Append(c);
        }

        private void TakeUntil(int end)
        {
            while (position < end && position < text.Length)
            {
                Take();
            }
        }

        private void Comment()
        {
            // Comments are not sent: a statement that is only a comment is no statement.
            while (position < text.Length && text[position] != '\n')
            {
                position++;
            }
        }

        private void BlockComment()
        {
            // A comment separates tokens: SELECT/**/1 is SELECT 1.
            current.Append(' ');
            var depth = 0;
            while (position < text.Length)
            {
                if (text[position] == '/' && Peek(1) == '*')
                {
                    depth++;
                    position += 2;
                }
                else if (text[position] == '*' && Peek(1) == '/')
                {
                    depth--;
                    position += 2;
                    if (depth == 0)
                    {
                        return;
                    }
                }
                else
                {
                    if (text[position] == '\n')
                    {
                        line++;
                        current.Append('\n');
                    }

                    position++;
                }
            }
        }

        private bool IsEscapeStringPrefix() =>
            position > 0 && text[position - 1] is 'E' or 'e' && (position < 2 || !IsIdentifierChar(text[position - 2]));

        private void Quoted(char quote, bool backslashEscapes)
        {
            Take();
            while (position < text.Length)
            {
                var c = text[position];
                if (backslashEscapes && c == '\\')
                {
                    Take();
                    if (position < text.Length)
                    {
                        Take();
                    }

                    continue;
                }

                Take();
                if (c == quote)
                {
                    if (position < text.Length && text[position] == quote)
                    {
                        Take();
                        continue;
                    }

                    return;
                }
            }
        }

        // $$ or $tag$ where tag is an identifier not starting with a digit; $1 is a parameter, a$b an identifier.
        private string? DollarTag()
        {
            if (position > 0 && IsIdentifierChar(text[position - 1]))
            {
                return null;
            }

            var end = position + 1;
            while (end < text.Length && IsIdentifierChar(text[end]) && text[end] != '$')
            {
                end++;
            }

            if (end >= text.Length || text[end] != '$' || (end > position + 1 && char.IsDigit(text[position + 1])))
            {
                return null;
            }

            return text[position..(end + 1)];
        }

        private void DollarQuoted(string tag)
        {
            TakeUntil(position + tag.Length);
            var close = text.IndexOf(tag, position, StringComparison.Ordinal);
            TakeUntil(close < 0 ? text.Length : close + tag.Length);
        }

        // Words matter only to find the body of CREATE FUNCTION … BEGIN ATOMIC … END, where semicolons do not end
        // the statement; CASE … END inside such a body nests.
        private void Word()
        {
            var start = position;
            while (position < text.Length && IsIdentifierChar(text[position]))
            {
                Take();
            }

            var word = text[start..position];
            if (IsBlank(start) && word.Equals("CREATE", StringComparison.OrdinalIgnoreCase))
            {
                routine = false;
            }

            if (!routine && (word.Equals("FUNCTION", StringComparison.OrdinalIgnoreCase) || word.Equals("PROCEDURE", StringComparison.OrdinalIgnoreCase))
                && StatementSoFar().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase))
            {
                routine = true;
            }

            if (!routine)
            {
                return;
            }

            if (word.Equals("BEGIN", StringComparison.OrdinalIgnoreCase) || (blocks > 0 && word.Equals("CASE", StringComparison.OrdinalIgnoreCase)))
            {
                blocks++;
            }
            else if (blocks > 0 && word.Equals("END", StringComparison.OrdinalIgnoreCase))
            {
                blocks--;
            }
        }

        private bool IsBlank(int wordStart) => string.IsNullOrWhiteSpace(current.ToString(0, current.Length - (position - wordStart)));

        private string StatementSoFar() => current.ToString().TrimStart();

        private void EndStatement()
        {
            var statement = current.ToString().Trim();
            if (statement.Length > 0 && statement != ";")
            {
                parts.Add(new SqlStatement(statement, startLine));
                if (SqlStatement.IsCopyFromStdin(statement))
                {
                    CopyData();
                }
            }

            current.Clear();
            startLine = 0;
            parentheses = 0;
            blocks = 0;
            routine = false;
        }

        // The lines after COPY … FROM stdin up to a line "\." are data, sent as they are.
        private void CopyData()
        {
            // The rest of the COPY statement's line is not data.
            var newline = text.IndexOf('\n', position);
            if (newline < 0)
            {
                position = text.Length;
                return;
            }

            position = newline + 1;
            line++;
            var first = line;
            var data = new StringBuilder();
            while (position < text.Length)
            {
                var end = text.IndexOf('\n', position);
                var lineText = end < 0 ? text[position..] : text[position..end];
                position = end < 0 ? text.Length : end + 1;
                line++;
                if (lineText.TrimEnd('\r') == "\\.")
                {
                    break;
                }

                data.Append(lineText.TrimEnd('\r')).Append('\n');
            }

            parts.Add(new SqlCopyData(data.ToString(), first));
        }

        private void MetaCommand()
        {
            var end = text.IndexOf('\n', position);
            var command = (end < 0 ? text[position..] : text[position..end]).Trim();
            parts.Add(new SqlMetaCommand(command, line));
            position = end < 0 ? text.Length : end;
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
    }
}

/// <summary>A piece of an <see cref="SqlScript"/>.</summary>
/// <param name="Line">The 1-based line of the file it starts on.</param>
public abstract record SqlScriptPart(int Line);

/// <summary>A psql meta-command line such as <c>\connect shop</c>, which is no SQL.</summary>
/// <param name="Text">The line, trimmed.</param>
/// <param name="Line">Its line.</param>
public sealed record SqlMetaCommand(string Text, int Line) : SqlScriptPart(Line);

/// <summary>The data lines that follow a <c>COPY … FROM stdin</c> statement, each ending in a newline.</summary>
/// <param name="Text">The lines, without the closing <c>\.</c>.</param>
/// <param name="Line">The line of the first data line.</param>
public sealed record SqlCopyData(string Text, int Line) : SqlScriptPart(Line);
