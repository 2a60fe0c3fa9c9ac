using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Planning;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation.Overrides;

/// <summary>
/// Checks a column's override against the column before anything is generated, every value converted to the
/// column's type (PREVIEW4013) and tested against its NOT NULL, length and CHECK rules (PREVIEW4014), and builds
/// its generator once uniqueness is planned.
/// </summary>
internal static class OverrideBuilder
{
    // How many rows of a dataset override are tried while planning, to catch a dataset that never fits the column.
    private const int Samples = 16;

    /// <summary>Validates the override of <paramref name="column"/> and records what it can generate; false on a problem.</summary>
    public static bool Prepare(ColumnBlueprint column, string qualifiedName, ulong seed, PlanningContext context)
    {
        var location = context.LocationOf(column.Override!);
        var diagnostics = context.Diagnostics;
        switch (column.Override)
        {
            case ConstantOverride constant:
                if (!TryValue(column, qualifiedName, constant.Value, location, diagnostics, out var value))
                {
                    return false;
                }

                column.Finite = [value];
                return true;
            case ValuesOverride values:
                return PrepareValues(column, qualifiedName, values, location, diagnostics);
            case RangeOverride range:
                return PrepareRange(column, qualifiedName, range, location, diagnostics);
            case DatasetOverride dataset:
                return PrepareDataset(column, qualifiedName, dataset, seed, location, diagnostics);
            default:
                return false;
        }
    }

    /// <summary>The generator of an override whose uniqueness role is decided.</summary>
    public static ValueGenerator Build(ColumnBlueprint column, long rows, ulong seed, Func<ValueGenerator> inferred)
    {
        if (column.Finite is { } finite)
        {
            if (column.Role == UniqueRole.Enumerated && column.Digit is { } digit)
            {
                return new EnumeratedChoiceGenerator(finite, digit.Enumeration, digit.Divisor);
            }

            return finite.Count == 1 ? new ConstantGenerator(finite[0]) : new ChoiceGenerator(finite, column.Weights, seed);
        }

        if (column.Override is DatasetOverride dataset)
        {
            return new DatasetGenerator(DatasetCatalog.Find(dataset.Path)!, column.Constraints, column.Range, seed, column.Role == UniqueRole.Injective || column.Role == UniqueRole.Guarded, rows, inferred());
        }

        var scale = column.Constraints.Scale!;
        return column.Role == UniqueRole.Injective
            ? new UniqueOrdinalGenerator(scale, column.Range, rows, seed, sequential: false)
            : new OrdinalGenerator(scale, column.Range, seed, favorLow: false);
    }

    private static bool PrepareValues(ColumnBlueprint column, string name, ValuesOverride values, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (values.Values.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.SeedOverrideNotApplicable, location, name, "its list of values is empty");
            return false;
        }

        var converted = new List<object?>();
        var ok = true;
        foreach (var item in values.Values)
        {
            if (!double.IsFinite(item.Weight) || item.Weight <= 0)
            {
                diagnostics.Error(DiagnosticCodes.SeedOverrideNotApplicable, location, name, $"the weight {item.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture)} of '{item.Value}' is not greater than 0");
                ok = false;
            }

            ok &= TryValue(column, name, item.Value, location, diagnostics, out var value);
            converted.Add(value);
        }

        column.Finite = converted;
        column.Weights = values.Values.Select(v => v.Weight).ToList();
        return ok;
    }

    private static bool PrepareRange(ColumnBlueprint column, string name, RangeOverride range, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (column.Constraints.Scale is not { } scale)
        {
            diagnostics.Error(DiagnosticCodes.SeedOverrideNotApplicable, location, name, $"a range needs a number, date or time column, and the column is {column.Column.Type.Name}");
            return false;
        }

        var ok = TryValue(column, name, range.Min, location, diagnostics, out var min) & TryValue(column, name, range.Max, location, diagnostics, out var max);
        if (!ok)
        {
            return false;
        }

        var low = (long)decimal.Ceiling(scale.ToUnits(min!)!.Value);
        var high = (long)decimal.Floor(scale.ToUnits(max!)!.Value);
        if (low > high)
        {
            diagnostics.Error(DiagnosticCodes.SeedOverrideNotApplicable, location, name, $"its min '{range.Min}' is above its max '{range.Max}'");
            return false;
        }

        column.Range = new OrdinalRange(low, high);
        column.InjectiveCapacity = column.Range.Count;
        return true;
    }

    private static bool PrepareDataset(ColumnBlueprint column, string name, DatasetOverride dataset, ulong seed, SourceLocation location, DiagnosticBag diagnostics)
    {
        if (DatasetCatalog.Find(dataset.Path) is not { } method)
        {
            diagnostics.Error(DiagnosticCodes.SeedDatasetUnknown, location, dataset.Path, name, string.Join(", ", DatasetCatalog.CloseMatches(dataset.Path)));
            return false;
        }

        var constraints = column.Constraints;
        var isText = constraints.Type.Kind == Schema.PgTypeKind.Text;
        if (method.ReturnsNumber && !isText && constraints.Scale is null)
        {
            diagnostics.Error(DiagnosticCodes.SeedOverrideNotApplicable, location, name, $"the dataset '{method.Path}' gives numbers and the column is {column.Column.Type.Name}");
            return false;
        }

        column.Range = constraints.Range;
        column.InjectiveCapacity = isText ? (constraints.MaxLength is { } max ? TextFitting.Capacity(max) : long.MaxValue) : null;
        var probe = new DatasetGenerator(method, constraints, constraints.Range, seed, unique: false, rows: 1, ConstantGenerator.Null);
        for (var row = 0; row < Samples; row++)
        {
            var raw = probe.Raw(row);
            var random = new CellRandom(seed, row);
            if (!method.ReturnsNumber && !isText && probe.Fit(raw, ref random, new RowState(row, -1, row, 0, null)) is null)
            {
                diagnostics.Error(DiagnosticCodes.SeedOverrideNotApplicable, location, name, $"the dataset '{method.Path}' gives values such as '{raw}', which are not {column.Column.Type.Name} values");
                return false;
            }
        }

        return true;
    }

    private static bool TryValue(ColumnBlueprint column, string name, string? text, SourceLocation location, DiagnosticBag diagnostics, out object? value)
    {
        value = null;
        if (text is not null)
        {
            value = ValueConverter.TryConvert(text, column.Column.Type, out var error);
            if (value is null)
            {
                diagnostics.Error(DiagnosticCodes.SeedValueInvalid, location, name, text, error);
                return false;
            }
        }

        if (column.Constraints.Violation(value) is { } broken)
        {
            diagnostics.Error(DiagnosticCodes.SeedValueBreaksConstraint, location, name, text ?? "null", broken);
            return false;
        }

        return true;
    }
}
