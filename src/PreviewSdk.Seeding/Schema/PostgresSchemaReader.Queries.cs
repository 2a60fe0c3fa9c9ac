namespace PreviewSdk.Seeding.Schema;

/// <summary>The catalog queries of <see cref="PostgresSchemaReader"/>: one per kind of object, for the whole database.</summary>
public static partial class PostgresSchemaReader
{
    // The tables to read. $1: the schemas to read (text[], NULL for all); $2: display names to leave out (text[]).
    // Partitions are left out (rows go through their partitioned parent), and so are tables an extension owns
    // (pg_depend deptype 'e') and PostgreSQL's own schemas: every pg_* schema (pg_catalog, pg_toast, pg_temp_N…),
    // which PostgreSQL reserves, and information_schema.
    private const string TablesCte = """
        tables AS (
            SELECT c.oid, n.nspname, c.relname
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p')
              AND NOT c.relispartition
              AND n.nspname <> 'information_schema'
              AND n.nspname NOT LIKE 'pg\_%'
              AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
              AND CASE WHEN n.nspname = 'public' THEN c.relname::text ELSE n.nspname || '.' || c.relname END <> ALL ($2::text[])
              AND NOT EXISTS (
                  SELECT 1 FROM pg_catalog.pg_depend d
                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        )
        """;

    private const string TablesQuery = "WITH " + TablesCte + """

        SELECT oid, nspname, relname FROM tables ORDER BY nspname, relname
        """;

    // For a generated column pg_attrdef holds the generation expression, which is not a default: dropped in C#.
    private const string ColumnsQuery = "WITH " + TablesCte + """

        SELECT a.attrelid, a.attname, a.atttypid, a.atttypmod, a.attnotnull, a.attidentity, a.attgenerated,
               pg_catalog.pg_get_expr(d.adbin, d.adrelid)
        FROM pg_catalog.pg_attribute a
        JOIN tables t ON t.oid = a.attrelid
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """;

    // Every (type, modifier) the columns use, and those reached from them: a domain's base type (with the domain's
    // modifier, e.g. numeric(10,2) under positive_money) and an array's element (with the array's modifier, e.g.
    // varchar(5) under varchar(5)[]). An array type is its element's typarray: that tells true arrays from types
    // such as point or int2vector that have a typelem too (looked up by oid, as typarray has no index). Plain joins
    // throughout, no LATERAL or subquery per row: the planner multiplies the recursive part's estimate, and per-row
    // plans then cost enough on paper to trigger JIT compilation, which alone took longer than the whole read.
    private const string TypesQuery = "WITH RECURSIVE " + TablesCte + """
        ,
        used AS (
            SELECT DISTINCT a.atttypid AS oid, a.atttypmod AS modifier
            FROM pg_catalog.pg_attribute a
            JOIN tables t ON t.oid = a.attrelid
            WHERE a.attnum > 0 AND NOT a.attisdropped
            UNION
            SELECT CASE WHEN ty.typtype = 'd' THEN ty.typbasetype ELSE e.oid END,
                   CASE WHEN ty.typtype = 'd' THEN ty.typtypmod ELSE u.modifier END
            FROM used u
            JOIN pg_catalog.pg_type ty ON ty.oid = u.oid
            LEFT JOIN pg_catalog.pg_type e ON e.oid = ty.typelem AND e.typarray = ty.oid
            WHERE ty.typtype = 'd' OR e.oid IS NOT NULL
        )
        SELECT u.oid, u.modifier, pg_catalog.format_type(u.oid, u.modifier), n.nspname, ty.typname, ty.typtype, ty.typnotnull,
               CASE WHEN ty.typtype = 'd' THEN ty.typbasetype END,
               CASE WHEN ty.typtype = 'd' THEN ty.typtypmod END,
               e.oid,
               COALESCE(labels.labels, '{}')
        FROM used u
        JOIN pg_catalog.pg_type ty ON ty.oid = u.oid
        JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace
        LEFT JOIN pg_catalog.pg_type e ON e.oid = ty.typelem AND e.typarray = ty.oid
        LEFT JOIN (
            SELECT l.enumtypid, array_agg(l.enumlabel::text ORDER BY l.enumsortorder) AS labels
            FROM pg_catalog.pg_enum l
            GROUP BY l.enumtypid
        ) AS labels ON labels.enumtypid = ty.oid
        ORDER BY u.oid, u.modifier
        """;

    // All domains' checks: few, and reading them all spares repeating the recursive walk above.
    private const string DomainChecksQuery = """
        SELECT con.contypid, con.conname, pg_catalog.pg_get_constraintdef(con.oid)
        FROM pg_catalog.pg_constraint con
        WHERE con.contypid <> 0 AND con.contype = 'c'
        ORDER BY con.contypid, con.conname
        """;

    // Key columns in conkey/confkey order, so composite foreign keys pair up position by position. conparentid <> 0
    // marks the copies PostgreSQL adds for each partition of a partitioned table: the parent one suffices. A foreign
    // key declared on a partition itself holds for the rows that land there, which may be any row written through
    // the partitioned table: it is read as the partitioned table's (by the partition's column names, which are
    // the parent's). Other constraints of partitions are left to them.
    private const string ConstraintsQuery = "WITH " + TablesCte + """
        ,
        owners AS (
            SELECT oid, oid AS owner FROM tables
            UNION ALL
            SELECT c.oid, pg_catalog.pg_partition_root(c.oid)::oid
            FROM pg_catalog.pg_class c
            WHERE c.relispartition AND pg_catalog.pg_partition_root(c.oid)::oid IN (SELECT oid FROM tables)
        )
        SELECT o.owner, con.conname, con.contype,
               ARRAY(SELECT a.attname::text
                     FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                     ORDER BY k.ord),
               rn.nspname, rc.relname,
               ARRAY(SELECT a.attname::text
                     FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                     ORDER BY k.ord),
               CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid) END
        FROM pg_catalog.pg_constraint con
        JOIN owners o ON o.oid = con.conrelid
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0
          AND (o.owner = con.conrelid OR con.contype = 'f')
        ORDER BY o.owner, con.conname
        """;

    // The leaf partitions of each partitioned table with the bound a row must meet to land there (its own and its
    // ancestors'), and whether it is a DEFAULT partition (which takes any row, so the table needs no bound).
    private const string PartitionsQuery = "WITH " + TablesCte + """

        SELECT pg_catalog.pg_partition_root(c.oid)::oid, c.relname, pg_catalog.pg_get_partition_constraintdef(c.oid),
               pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT'
        FROM pg_catalog.pg_class c
        WHERE c.relispartition AND c.relkind = 'r'
          AND pg_catalog.pg_partition_root(c.oid)::oid IN (SELECT oid FROM tables)
        ORDER BY 1, c.relname
        """;

    // Unique indexes that hold for every row over plain columns: not partial (indpred), no expression (indexprs),
    // valid, and not the index behind a PRIMARY KEY or UNIQUE constraint (already read as one). Only the key
    // columns (indnkeyatts), not INCLUDE ones, make rows unique.
    private const string UniqueIndexesQuery = "WITH " + TablesCte + """

        SELECT i.indrelid, ic.relname,
               ARRAY(SELECT a.attname::text
                     FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                     WHERE k.ord <= i.indnkeyatts
                     ORDER BY k.ord)
        FROM pg_catalog.pg_index i
        JOIN tables t ON t.oid = i.indrelid
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indisunique AND NOT i.indisprimary AND i.indisvalid
          AND i.indpred IS NULL AND i.indexprs IS NULL
          AND NOT EXISTS (
              SELECT 1 FROM pg_catalog.pg_constraint con
              WHERE con.conrelid = i.indrelid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u'))
        ORDER BY i.indrelid, ic.relname
        """;
}
