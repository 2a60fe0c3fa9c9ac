using System.Text.RegularExpressions;

namespace PreviewSdk.Seeding.Tests.EndToEnd;

/// <summary>
/// Re-evaluates, with one query per kind, every constraint a seeded database declares, read from its catalog rather
/// than from the seeder's schema model so the check does not share the seeder's reading of the schema. Each returns
/// the number of constraints it covered (a query that covered none would prove nothing) and those whose rows break
/// them.
/// </summary>
internal static partial class ConstraintRecheck
{
    // The application's own tables: ordinary and partitioned ones (partitions are covered through their parent).
    private const string UserTable = """
        EXISTS (SELECT 1 FROM pg_class rel JOIN pg_namespace ns ON ns.oid = rel.relnamespace
                WHERE rel.oid = {0} AND rel.relkind IN ('r', 'p') AND NOT rel.relispartition
                  AND ns.nspname NOT IN ('pg_catalog', 'information_schema') AND ns.nspname NOT LIKE 'pg_toast%')
        """;

    /// <summary>Primary keys, unique constraints and unique indexes (partial ones over their rows) holding a duplicate; NULLs are distinct, as in PostgreSQL.</summary>
    public static async Task<Recheck> DuplicateKeysAsync(SeedTarget target)
    {
        var keys = await target.RowsAsync($"""
            SELECT ix.relname, i.indrelid::regclass::text,
                   string_agg(quote_ident(a.attname), ', ' ORDER BY k.position),
                   string_agg(quote_ident(a.attname) || ' IS NOT NULL', ' AND ' ORDER BY k.position),
                   coalesce(pg_get_expr(i.indpred, i.indrelid), 'true')
            FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indisunique AND {string.Format(UserTable, "i.indrelid")}
            GROUP BY ix.relname, i.indrelid, i.indpred
            """);
        return await RunAsync(target, keys.Select(key =>
            $"SELECT '{key[0]}' FROM {key[1]} WHERE {key[3]} AND ({key[4]}) GROUP BY {key[2]} HAVING count(*) > 1"));
    }

    /// <summary>Foreign keys with a value (all columns non-NULL, MATCH SIMPLE) that no parent row holds.</summary>
    public static async Task<Recheck> OrphanForeignKeysAsync(SeedTarget target)
    {
        var keys = await target.RowsAsync($"""
            SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
                   string_agg('child.' || quote_ident(ca.attname) || ' IS NOT NULL', ' AND ' ORDER BY k.position),
                   string_agg('parent.' || quote_ident(pa.attname) || ' = child.' || quote_ident(ca.attname), ' AND ' ORDER BY k.position)
            FROM pg_constraint c
            CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(child, parent, position)
            JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.child
            JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.parent
            WHERE c.contype = 'f' AND c.conparentid = 0 AND {string.Format(UserTable, "c.conrelid")}
            GROUP BY c.conname, c.conrelid, c.confrelid
            """);
        return await RunAsync(target, keys.Select(key =>
            $"SELECT '{key[0]}' FROM {key[1]} child WHERE {key[3]} AND NOT EXISTS (SELECT 1 FROM {key[2]} parent WHERE {key[4]})"));
    }

    /// <summary>
    /// Table CHECKs and the CHECKs of the domains columns are declared with (a domain over a domain brings both),
    /// each re-evaluated as <c>WHERE NOT (expression)</c>: NULL passes, as in PostgreSQL.
    /// </summary>
    public static async Task<Recheck> BrokenChecksAsync(SeedTarget target)
    {
        var tableChecks = await target.RowsAsync($"""
            SELECT c.conname, c.conrelid::regclass::text, pg_get_expr(c.conbin, c.conrelid)
            FROM pg_constraint c WHERE c.contype = 'c' AND c.conrelid <> 0 AND {string.Format(UserTable, "c.conrelid")}
            """);
        var domainChecks = await target.RowsAsync($"""
            WITH RECURSIVE typed (relation, column_name, domain) AS (
                SELECT a.attrelid, a.attname, a.atttypid FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
                WHERE t.typtype = 'd' AND a.attnum > 0 AND NOT a.attisdropped AND {string.Format(UserTable, "a.attrelid")}
                UNION ALL
                SELECT typed.relation, typed.column_name, t.typbasetype FROM typed JOIN pg_type t ON t.oid = typed.domain
                WHERE t.typtype = 'd')
            SELECT c.conname || ' on ' || typed.column_name, typed.relation::regclass::text, quote_ident(typed.column_name), pg_get_expr(c.conbin, 0)
            FROM typed JOIN pg_constraint c ON c.contypid = typed.domain AND c.contype = 'c'
            """);
        var queries = tableChecks.Select(check => $"SELECT '{check[0]}' FROM {check[1]} WHERE NOT ({check[2]})")
            .Concat(domainChecks.Select(check => $"SELECT '{check[0]}' FROM {check[1]} WHERE NOT ({DomainValue().Replace(check[3], check[2])})"));
        return await RunAsync(target, queries);
    }

    /// <summary>varchar(n) and char(n) columns holding a value longer than n.</summary>
    public static async Task<Recheck> OverlongTextAsync(SeedTarget target)
    {
        var columns = await target.RowsAsync($"""
            SELECT a.attrelid::regclass::text || '.' || a.attname, a.attrelid::regclass::text, quote_ident(a.attname), a.atttypmod - 4
            FROM pg_attribute a
            WHERE a.atttypid IN ('varchar'::regtype, 'bpchar'::regtype) AND a.atttypmod > 4 AND a.attnum > 0 AND NOT a.attisdropped
              AND {string.Format(UserTable, "a.attrelid")}
            """);
        return await RunAsync(target, columns.Select(column =>
            $"SELECT '{column[0]}' FROM {column[1]} WHERE char_length({column[2]}) > {column[3]}"));
    }

    /// <summary>Enum columns holding a text that is not one of their type's labels.</summary>
    public static async Task<Recheck> ForeignEnumLabelsAsync(SeedTarget target)
    {
        var columns = await target.RowsAsync($"""
            SELECT a.attrelid::regclass::text || '.' || a.attname, a.attrelid::regclass::text, quote_ident(a.attname), a.atttypid::text
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE t.typtype = 'e' AND a.attnum > 0 AND NOT a.attisdropped AND {string.Format(UserTable, "a.attrelid")}
            """);
        return await RunAsync(target, columns.Select(column =>
            $"SELECT '{column[0]}' FROM {column[1]} WHERE {column[2]}::text NOT IN (SELECT enumlabel FROM pg_enum WHERE enumtypid = {column[3]})"));
    }

    private static async Task<Recheck> RunAsync(SeedTarget target, IEnumerable<string> queries)
    {
        var all = queries.ToList();
        var broken = all.Count == 0 ? [] : await target.ListAsync($"SELECT DISTINCT broken FROM ({string.Join("\nUNION ALL\n", all)}) AS found (broken) ORDER BY 1");
        return new Recheck(all.Count, broken);
    }

    // The domain's own value in its CHECK expression, replaced by the column it is checked in.
    [GeneratedRegex(@"\bVALUE\b")]
    private static partial Regex DomainValue();
}

/// <summary>How many constraints one query covered, and the names of those the rows break.</summary>
internal sealed record Recheck(int Checked, IReadOnlyList<string> Broken);
