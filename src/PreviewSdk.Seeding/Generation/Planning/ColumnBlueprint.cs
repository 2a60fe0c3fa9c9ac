using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>How a unique constraint is kept for one column.</summary>
internal enum UniqueRole
{
    /// <summary>No uniqueness asked of the column (or kept by another column of its constraints).</summary>
    None,

    /// <summary>Distinct by construction from the row index (sequences, text with the row number, uuids).</summary>
    Injective,

    /// <summary>A digit of a <see cref="TupleEnumeration"/> shared with the constraint's other columns.</summary>
    Enumerated,

    /// <summary>The position among the parent's children (line numbers 1, 2, 3 of each order).</summary>
    Position,

    /// <summary>Drawn at random and redrawn when the row's values were seen before (a set of hashes).</summary>
    Guarded,
}

/// <summary>Everything decided about one column before its generator is built.</summary>
internal sealed class ColumnBlueprint(ColumnSchema column, int ordinal, ColumnConstraints constraints)
{
    /// <summary>The column.</summary>
    public ColumnSchema Column { get; } = column;

    /// <summary>Its ordinal in the table.</summary>
    public int Ordinal { get; } = ordinal;

    /// <summary>Its constraints.</summary>
    public ColumnConstraints Constraints { get; } = constraints;

    /// <summary>Its override, if any.</summary>
    public ColumnOverride? Override { get; set; }

    /// <summary>What its name says it holds.</summary>
    public SemanticKind Kind { get; set; }

    /// <summary>The foreign key that fills it, if any (the first, by name, when it is in several).</summary>
    public Schema.ForeignKey? ForeignKey { get; set; }

    /// <summary>The values it takes when they are few (booleans, enum labels, lists, override values); else null.</summary>
    public IReadOnlyList<object?>? Finite { get; set; }

    /// <summary>Relative weights of <see cref="Finite"/> (from a values override), or null for uniform.</summary>
    public IReadOnlyList<double>? Weights { get; set; }

    /// <summary>How many distinct values it can take by construction, or null when it cannot be made distinct.</summary>
    public long? InjectiveCapacity { get; set; }

    /// <summary>The ordered range it generates in (natural range fitted into the constraints), for ordered types.</summary>
    public OrdinalRange Range { get; set; }

    /// <summary>The natural range fitted into the constraints, before comparisons with other columns widen or trim <see cref="Range"/>: where a value drawn on its own falls.</summary>
    public OrdinalRange NaturalRange { get; set; } = new(0, -1);

    /// <summary>The largest distance, in units, from the column it is generated relative to (null: a quarter of its range).</summary>
    public long? MaxGap { get; set; }

    /// <summary>The table whose keys an <c>_id</c> column without a foreign key is drawn from, or null.</summary>
    public string? KeysOf { get; set; }

    /// <summary>The columns of the row an e-mail address or user name is made from, or null.</summary>
    public IReadOnlyList<string>? MadeFrom { get; set; }

    /// <summary>Whether small values are favoured (prices, quantities).</summary>
    public bool FavorLow { get; set; }

    /// <summary>How uniqueness is kept for it.</summary>
    public UniqueRole Role { get; set; }

    /// <summary>The enumeration and the column's digit divisor when <see cref="Role"/> is <see cref="UniqueRole.Enumerated"/>.</summary>
    public (TupleEnumeration Enumeration, long Divisor)? Digit { get; set; }

    /// <summary>It is in a primary key or unique constraint (so never NULL by choice of the seeder).</summary>
    public bool InKey { get; set; }

    /// <summary>It is the table's one-column primary key (an integer one then counts 1, 2, 3…).</summary>
    public bool PrimaryKey { get; set; }

    /// <summary>Other tables' foreign keys reference it (so it must be computable from a row index).</summary>
    public bool Referenced { get; set; }

    /// <summary>It is written NULL by COPY and set by the second pass.</summary>
    public bool Deferred { get; set; }

    /// <summary>The column it is generated relative to (a column comparison), and how.</summary>
    public ColumnRelation? Anchor { get; set; }

    /// <summary>Its override was reported as wrong: no plan will come of it, so it generates nothing.</summary>
    public bool Invalid { get; set; }

    /// <summary>The generator, once built.</summary>
    public ValueGenerator? Generator { get; set; }
}
