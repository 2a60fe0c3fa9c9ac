namespace PreviewSdk.Seeding.Schema;

/// <summary>A primary key, UNIQUE constraint or unique index: a set of columns whose values no two rows share.</summary>
/// <param name="Name">The constraint or index name.</param>
/// <param name="Columns">The columns, in key order.</param>
public sealed record KeyConstraint(string Name, IReadOnlyList<string> Columns);

/// <summary>A foreign key from this table's <paramref name="Columns"/> to <paramref name="ReferencedColumns"/> of another (or the same) table.</summary>
/// <param name="Name">The constraint name.</param>
/// <param name="Columns">The referencing columns, in key order.</param>
/// <param name="ReferencedSchema">The referenced table's schema.</param>
/// <param name="ReferencedTable">The referenced table's name.</param>
/// <param name="ReferencedColumns">The referenced columns, paired with <paramref name="Columns"/>.</param>
public sealed record ForeignKey(
    string Name,
    IReadOnlyList<string> Columns,
    string ReferencedSchema,
    string ReferencedTable,
    IReadOnlyList<string> ReferencedColumns)
{
    /// <summary>The referenced table as <see cref="TableSchema.DisplayName"/> names it.</summary>
    public string ReferencedDisplayName => ReferencedSchema == "public" ? ReferencedTable : $"{ReferencedSchema}.{ReferencedTable}";
}

/// <summary>A CHECK constraint, as PostgreSQL prints it, with the rules the seeder understood in it.</summary>
/// <param name="Name">The constraint name.</param>
/// <param name="Expression">The expression as <c>pg_get_constraintdef</c> prints it, e.g. <c>CHECK ((price &gt;= (0)::numeric))</c>.</param>
/// <param name="Columns">The columns it mentions (for a domain check: empty; it is about <c>VALUE</c>).</param>
/// <param name="Rules">
/// The expression parsed into rules that all must hold (a conjunction), or null when some part of it is beyond
/// the seeder (then generation reports it, unless every column it mentions has an override).
/// </param>
public sealed record CheckConstraint(
    string Name,
    string Expression,
    IReadOnlyList<string> Columns,
    IReadOnlyList<Checks.CheckRule>? Rules);
