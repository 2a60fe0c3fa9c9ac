using System.Text.RegularExpressions;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// The roles a script names without creating them: owners (<c>ALTER … OWNER TO postgres</c>, as every pg_dump
/// writes), grantees (<c>GRANT … TO app_read</c>, <c>REVOKE … FROM</c>), <c>SET ROLE</c>,
/// <c>AUTHORIZATION</c>, <c>ALTER DEFAULT PRIVILEGES FOR ROLE</c> and policies' <c>TO</c>. An environment's server
/// has only its own superuser; the runner creates these as NOLOGIN roles first, as the server a dump came from
/// had them, so the script runs unchanged.
/// </summary>
internal static partial class ScriptRoles
{
    private const string Identifier = @"(?:""(?:[^""]|"""")+""|[A-Za-z_][A-Za-z0-9_$]*)";
    private const string IdentifierList = Identifier + @"(?:\s*,\s*" + Identifier + ")*";

    private static readonly HashSet<string> NotRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "PUBLIC", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "DEFAULT", "NONE", "GROUP", "ROLE", "USER",
    };

    /// <summary>The role names <paramref name="statements"/> use and do not create themselves, unquoted, in first-use order.</summary>
    public static IReadOnlyList<string> NamedIn(IEnumerable<SqlStatement> statements)
    {
        var used = new List<string>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in statements)
        {
            var text = statement.Text;
            if (CreateRole().Match(text) is { Success: true } create)
            {
                created.Add(Unquote(create.Groups["name"].Value));
                continue;
            }

            foreach (var regex in (Regex[])[OwnerTo(), Authorization(), SetRole(), ForRole(), Grantees(), RevokedFrom(), PolicyTo()])
            {
                foreach (Match match in regex.Matches(text))
                {
                    foreach (var name in Names(match.Groups["names"].Value))
                    {
                        if (!NotRoles.Contains(name) && !used.Contains(name))
                        {
                            used.Add(name);
                        }
                    }
                }
            }
        }

        return used.Where(name => !created.Contains(name)).ToList();
    }

    private static IEnumerable<string> Names(string list) =>
        NameInList().Matches(list).Select(match => Unquote(match.Value));

    private static string Unquote(string name) =>
        name.StartsWith('"') ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : name.ToLowerInvariant();

    [GeneratedRegex(@"^CREATE\s+(?:ROLE|USER|GROUP)\s+(?<name>" + Identifier + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateRole();

    [GeneratedRegex(@"\bOWNER\s+TO\s+(?<names>" + Identifier + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnerTo();

    [GeneratedRegex(@"^(?:CREATE\s+SCHEMA\b.*?|SET\s+(?:SESSION\s+|LOCAL\s+)?SESSION\s+)AUTHORIZATION\s+(?<names>" + Identifier + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Authorization();

    [GeneratedRegex(@"^SET\s+(?:SESSION\s+|LOCAL\s+)?ROLE\s+(?<names>" + Identifier + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SetRole();

    [GeneratedRegex(@"^ALTER\s+DEFAULT\s+PRIVILEGES\s+FOR\s+(?:ROLE|USER)\s+(?<names>" + IdentifierList + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForRole();

    [GeneratedRegex(@"^(?:ALTER\s+DEFAULT\s+PRIVILEGES\b.*?)?GRANT\b.*?\bTO\s+(?<names>(?:GROUP\s+)?" + IdentifierList + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Grantees();

    [GeneratedRegex(@"^(?:ALTER\s+DEFAULT\s+PRIVILEGES\b.*?)?REVOKE\b.*?\bFROM\s+(?<names>(?:GROUP\s+)?" + IdentifierList + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex RevokedFrom();

    [GeneratedRegex(@"^CREATE\s+POLICY\b.*?\bTO\s+(?<names>" + IdentifierList + ")", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PolicyTo();

    [GeneratedRegex(Identifier)]
    private static partial Regex NameInList();
}
