using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// The generator of a column without an override: what its name says (<see cref="ColumnInference"/>) within what
/// its constraints allow, distinct when a unique constraint asks it to be.
/// </summary>
internal static class InferredColumns
{
    // Inferred text checked against a CHECK pattern while planning: when all of these match, it is used.
    private const int PatternSamples = 64;

    /// <summary>Records the kind, the possible values and how many distinct ones the column can take.</summary>
    public static void Analyze(ColumnBlueprint column, TableSchema table, long rows, DateTime reference)
    {
        var constraints = column.Constraints;
        var type = constraints.Type;
        column.Kind = ColumnInference.Infer(column.Column.Name, table.Name, type);
        if (constraints.ForcedNull)
        {
            column.Finite = [null];
            return;
        }

        if (constraints.Allowed is { } allowed)
        {
            column.Finite = allowed.Where(constraints.Admits).Distinct().ToList();
            return;
        }

        switch (type.Kind)
        {
            case PgTypeKind.Boolean:
                column.Finite = new object[] { true, false }.Where(constraints.Admits).ToList();
                return;
            case PgTypeKind.Enum:
                column.Finite = type.EnumLabels.Cast<object>().Where(constraints.Admits).ToList();
                return;
            case PgTypeKind.Text:
                column.InjectiveCapacity = constraints.Pattern is { } pattern
                    ? pattern.CountsFor(rows, constraints.MinLength, constraints.MaxLength ?? int.MaxValue).Capacity
                    : constraints.MaxLength is { } max ? TextFitting.Capacity(max) : long.MaxValue;
                return;
            case PgTypeKind.Uuid or PgTypeKind.Json or PgTypeKind.Jsonb or PgTypeKind.Bytea or PgTypeKind.Inet:
                column.InjectiveCapacity = long.MaxValue;
                return;
            case PgTypeKind.Bit or PgTypeKind.VarBit:
                column.InjectiveCapacity = 1L << Math.Min(type.BitLength ?? 62, 62);
                return;
            case var _ when TextFormGenerator.Knows(type):
                column.InjectiveCapacity = long.MaxValue;
                return;
        }

        if (constraints.Scale is { } scale)
        {
            var (natural, favorLow) = NaturalRanges.For(column.Kind, scale, type.Kind, reference);
            column.Range = natural.FitInto(constraints.Range);
            column.NaturalRange = column.Range;
            column.FavorLow = favorLow;
            column.InjectiveCapacity = column.Column.IsSequenceBacked ? SequenceRange(constraints.Range).Count : constraints.Range.Count;
            if (column.Column.IsSequenceBacked)
            {
                // Identity and serial columns are written as 1..N, keys or not, and the loader moves the sequence past N.
                column.Role = UniqueRole.Injective;
            }
        }
    }

    /// <summary>Builds the generator (after uniqueness roles are decided).</summary>
    public static ValueGenerator Build(ColumnBlueprint column, long rows, ulong seed, DateTime reference)
    {
        var constraints = column.Constraints;
        if (column.Finite is { } finite)
        {
            return Finite(column, finite, seed);
        }

        var generator = constraints.Type.Kind switch
        {
            PgTypeKind.Text => Text(column, rows, seed),
            PgTypeKind.Uuid => new UuidGenerator(seed),
            PgTypeKind.Json or PgTypeKind.Jsonb => new JsonGenerator(seed, column.Role == UniqueRole.Injective),
            PgTypeKind.Bytea => new ByteaGenerator(seed, column.Role == UniqueRole.Injective),
            PgTypeKind.Inet => new InetGenerator(seed, column.Role == UniqueRole.Injective, rows, asText: false),
            PgTypeKind.Array => Array(column, seed, reference),
            _ when TextFormGenerator.Knows(constraints.Type) => new TextFormGenerator(constraints.Type, seed, column.Role == UniqueRole.Injective, reference),
            _ when constraints.Scale is { } scale => Ordinal(column, scale, rows, seed),
            _ => ConstantGenerator.Null,
        };
        return constraints.Excluded.Count > 0 && column.Role != UniqueRole.Injective ? new ExcludingGenerator(generator, constraints.Excluded) : generator;
    }

    /// <summary>The plain random generator of an ordered column (what a column compared with another falls back to).</summary>
    public static ValueGenerator Alone(ColumnBlueprint column, ulong seed) =>
        new OrdinalGenerator(column.Constraints.Scale!, column.NaturalRange.IsEmpty ? column.Range : column.NaturalRange.Intersect(column.Range) is { IsEmpty: false } both ? both : column.Range, seed, column.FavorLow);

    private static ValueGenerator Finite(ColumnBlueprint column, IReadOnlyList<object?> finite, ulong seed)
    {
        if (column.Role == UniqueRole.Enumerated && column.Digit is { } digit)
        {
            return new EnumeratedChoiceGenerator(finite, digit.Enumeration, digit.Divisor);
        }

        if (finite.Count == 2 && finite.Contains(true) && finite.Contains(false))
        {
            var share = column.Kind switch { SemanticKind.MostlyTrue => 0.8, SemanticKind.MostlyFalse => 0.1, _ => 0.5 };
            return new BooleanGenerator(seed, share);
        }

        return finite.Count == 1 ? new ConstantGenerator(finite[0]) : new ChoiceGenerator(finite, null, seed);
    }

    private static ValueGenerator Ordinal(ColumnBlueprint column, OrdinalScale scale, long rows, ulong seed)
    {
        var constraints = column.Constraints;
        switch (column.Role)
        {
            case UniqueRole.Injective when column.Column.IsSequenceBacked:
                return new UniqueOrdinalGenerator(scale, SequenceRange(constraints.Range), rows, seed, sequential: true);
            case UniqueRole.Injective:
                // Integer keys count 1, 2, 3… (as a sequence would); other distinct values spread over the range.
                var sequential = column.PrimaryKey && scale.Family == OrdinalFamily.Number && scale.Scale == 0;
                var range = sequential ? SequenceRange(constraints.Range) : column.Range.Count >= rows ? column.Range : constraints.Range;
                return new UniqueOrdinalGenerator(scale, range, rows, seed, sequential);
            case UniqueRole.Position:
                return new PositionGenerator(scale, column.Range.Lo);
            default:
                return Alone(column, seed);
        }
    }

    /// <summary>Where keys counted from the row index start: at 1 when the range allows it.</summary>
    public static OrdinalRange SequenceRange(OrdinalRange range) => range with { Lo = Math.Clamp(1, range.Lo, Math.Max(range.Lo, range.Hi)) };

    private static ValueGenerator Text(ColumnBlueprint column, long rows, ulong seed)
    {
        var constraints = column.Constraints;
        var max = constraints.MaxLength ?? int.MaxValue;
        var unique = column.Role == UniqueRole.Injective;
        ValueGenerator inferred = unique
            ? new UniqueTextGenerator(column.Kind, seed, constraints.MinLength, constraints.MaxLength, rows)
            : new TextGenerator(column.Kind, seed, constraints.MinLength, constraints.MaxLength);
        if (constraints.Pattern is not { } pattern)
        {
            return inferred;
        }

        var regex = constraints.PatternText!;
        var preferred = column.Kind != SemanticKind.None && AllMatch(inferred, regex) ? inferred : null;
        var patternSeed = StableHash.Derive(seed, "pattern");
        if (!unique)
        {
            return new PatternGenerator(pattern, regex, preferred, patternSeed, constraints.MinLength, max);
        }

        var (counts, capacity) = pattern.CountsFor(rows, constraints.MinLength, max);
        return new UniquePatternGenerator(pattern, counts!, new IndexPermutation(patternSeed, Math.Min(capacity, 1L << 62)), regex, preferred);
    }

    /// <summary>True when the first rows' values of <paramref name="generator"/> (which reads no other column) all match <paramref name="regex"/>.</summary>
    public static bool AllMatch(ValueGenerator generator, string regex)
    {
        for (var row = 0; row < PatternSamples; row++)
        {
            if (generator.Generate(new RowState(row, -1, row, 0, null)) is not string text || !RuleEvaluator.Matches(text, regex))
            {
                return false;
            }
        }

        return true;
    }

    private static ValueGenerator Array(ColumnBlueprint column, ulong seed, DateTime reference)
    {
        var elementType = column.Constraints.Type.Element!;
        var element = new ColumnSchema(column.Column.Name, elementType, false, null, IdentityKind.None, false);
        var blueprint = new ColumnBlueprint(element, column.Ordinal, new ColumnConstraints(element)) { Kind = column.Kind };
        InferredColumns.Analyze(blueprint, new TableSchema("public", string.Empty, [element], null, [], [], []), 1, reference);
        blueprint.Kind = column.Kind;
        if (blueprint.Finite is null && blueprint.Constraints.Scale is null && !TextFormGenerator.Knows(elementType)
            && elementType.ValueType.Kind is not (PgTypeKind.Text or PgTypeKind.Uuid or PgTypeKind.Json or PgTypeKind.Jsonb or PgTypeKind.Bytea or PgTypeKind.Inet))
        {
            return ConstantGenerator.Null;
        }

        var elements = Build(blueprint, 1, StableHash.Derive(seed, "element"), reference);
        return elementType.IsTextForm
            ? new TextArrayGenerator(elements, seed)
            : new ArrayGenerator(elements, ValueConverter.ClrType(elementType), seed);
    }
}
