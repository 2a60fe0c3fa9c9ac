using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation;

/// <summary>
/// Everything decided before a single row is written: the tables in insertion order (parents first) and, for each,
/// the columns to write and how to generate them. Building a plan is where unsatisfiable constraints are found,
/// so loading never fails halfway on a constraint the seeder could have foreseen.
/// </summary>
/// <param name="Seed">The random seed the rows derive from.</param>
/// <param name="Tables">The tables to fill, parents before children.</param>
public sealed record SeedPlan(int Seed, IReadOnlyList<TablePlan> Tables)
{
    /// <summary>What planning chose that a user may want to know (an <c>_id</c> column without a foreign key drawn from a table's keys), one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>How one table is filled.</summary>
public abstract class TablePlan
{
    /// <summary>The table.</summary>
    public abstract TableSchema Table { get; }

    /// <summary>The columns written by COPY, in the order of the values <see cref="Rows"/> yields (no generated columns).</summary>
    public abstract IReadOnlyList<ColumnSchema> Columns { get; }

    /// <summary>
    /// Foreign key columns written NULL by COPY and set by a second pass once every table is loaded (self-references
    /// and cycles); empty for most tables. <see cref="Key"/> addresses the rows of that pass.
    /// </summary>
    public abstract IReadOnlyList<ColumnSchema> DeferredColumns { get; }

    /// <summary>The columns that identify a row in the second pass (the primary key); empty when nothing is deferred.</summary>
    public abstract IReadOnlyList<ColumnSchema> Key { get; }

    /// <summary>
    /// Columns PostgreSQL computes per row from an <c>expression:</c> override while the rows are inserted, with the
    /// row's written columns in scope; not in <see cref="Columns"/>. Empty for most tables.
    /// </summary>
    public virtual IReadOnlyList<ComputedColumn> Computed => [];

    /// <summary>What each column of the table gets and why, for the seed report; empty when the plan does not say.</summary>
    public virtual IReadOnlyList<ColumnChoice> Choices => [];

    /// <summary>The number of rows, known up front unless the table is sized per parent (then null until generated).</summary>
    public abstract long? PlannedRows { get; }

    /// <summary>
    /// Generates the rows, streaming: each array holds one value per <see cref="Columns"/> entry, as the CLR type of
    /// <see cref="PgTypeKind"/> (null for NULL). Enumerating twice gives the same rows.
    /// </summary>
    public abstract IEnumerable<object?[]> Rows();

    /// <summary>
    /// The second pass: for each row whose deferred columns get a value, the <see cref="Key"/> values followed by the
    /// <see cref="DeferredColumns"/> values. Same rows, same order as <see cref="Rows"/>; deterministic.
    /// </summary>
    public abstract IEnumerable<object?[]> DeferredRows();
}

/// <summary>A column whose value PostgreSQL computes per row from an SQL expression.</summary>
/// <param name="Column">The column.</param>
/// <param name="Expression">The expression, e.g. <c>to_tsvector('english', title)</c>.</param>
/// <param name="Location">Where preview.yaml writes it, for an error PostgreSQL finds in it.</param>
public sealed record ComputedColumn(ColumnSchema Column, string Expression, Core.Diagnostics.SourceLocation? Location = null);

/// <summary>What one column gets and why, as the seed report shows it.</summary>
/// <param name="Column">The column.</param>
/// <param name="Values">The values it gets, in words (<c>e-mail addresses on example domains</c>, <c>keys of customers</c>).</param>
/// <param name="Reason">Why: an override, a foreign key, a constraint, its name, or only its type.</param>
/// <param name="IsFallback">True when only the type decided: the column is worth an override if its values matter.</param>
public sealed record ColumnChoice(string Column, string Values, string Reason, bool IsFallback);
