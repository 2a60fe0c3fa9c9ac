using System.Globalization;
using Bogus;
using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;
using PreviewSdk.Seeding.Generation.Values;

namespace PreviewSdk.Seeding.Generation.Overrides;

/// <summary>
/// Calls a Bogus dataset method for each row, with a <see cref="Randomizer"/> seeded from the cell (so the value is
/// a function of the row, like every other generator), and fits the result to the column: text cut to length (made
/// distinct with the row number for a unique column), e-mail addresses moved to example domains, numbers rounded
/// into the column's range. A result that does not convert falls back to the column's inferred generator.
/// </summary>
internal sealed class DatasetGenerator : ValueGenerator
{
    private const string Locale = "en";
    private readonly DatasetMethod method;
    private readonly object?[] arguments;
    private readonly ThreadLocal<DataSet> datasets;
    private readonly ColumnConstraints constraints;
    private readonly ulong seed;
    private readonly bool unique;
    private readonly long rows;
    private readonly ValueGenerator fallback;
    private readonly OrdinalRange range;

    /// <summary>A generator calling <paramref name="method"/>.</summary>
    public DatasetGenerator(DatasetMethod method, ColumnConstraints constraints, OrdinalRange range, ulong seed, bool unique, long rows, ValueGenerator fallback)
    {
        this.method = method;
        this.constraints = constraints;
        this.range = range;
        this.seed = seed;
        this.unique = unique;
        this.rows = rows;
        this.fallback = fallback;
        arguments = method.DefaultArguments;
        // One dataset object per column and thread: Bogus datasets are not thread-safe, and per thread is enough.
        datasets = new ThreadLocal<DataSet>(() => (DataSet)Activator.CreateInstance(method.DatasetType, Locale)!);
    }

    /// <summary>The raw value the method gives for a row (before fitting), for checks while planning.</summary>
    public object? Raw(long row)
    {
        var random = new CellRandom(seed, row);
        return Call(ref random);
    }

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var raw = Call(ref random);
        return Fit(raw, ref random, row) ?? fallback.Generate(row);
    }

    /// <inheritdoc />
    public override string? NotAddressableReason =>
        unique && constraints.Type.Kind != Schema.PgTypeKind.Text ? $"its dataset override '{method.Path}' gives values that are made distinct by retrying" : null;

    /// <summary>The value converted to the column's type and fitted to its constraints, or null when it does not convert.</summary>
    public object? Fit(object? raw, ref CellRandom random, in RowState row)
    {
        switch (raw)
        {
            case null:
                return null;
            case string text when constraints.Type.Kind == Schema.PgTypeKind.Text:
                text = OnExampleDomain(text, ref random);
                var max = constraints.MaxLength ?? int.MaxValue;
                return unique
                    ? TextFitting.Distinct(text, row.Row, constraints.MinLength, max, rows, ref random)
                    : TextFitting.Fit(text, constraints.MinLength, max, ref random);
            case string text:
                return ValueConverter.TryConvert(text, constraints.Column.Type, out _) is { } converted ? Clamp(converted) : null;
            default:
                if (constraints.Type.Kind == Schema.PgTypeKind.Text)
                {
                    var digits = Convert.ToString(raw, CultureInfo.InvariantCulture)!;
                    return TextFitting.Fit(digits, constraints.MinLength, constraints.MaxLength ?? int.MaxValue, ref random);
                }

                return Clamp(raw);
        }
    }

    private object? Call(ref CellRandom random)
    {
        var dataset = datasets.Value!;
        dataset.Random = new Randomizer((int)random.NextUInt64());
        return method.Method.Invoke(dataset, arguments);
    }

    // Numbers land inside the column's range, rounded to its units.
    private object? Clamp(object value)
    {
        if (constraints.Scale is not { } scale || scale.ToUnits(value) is not { } units)
        {
            return value;
        }

        var rounded = Math.Clamp(decimal.Round(units, MidpointRounding.AwayFromZero), range.Lo, range.Hi);
        return scale.FromUnits((long)rounded);
    }

    // Bogus's e-mail addresses use real mail providers; generated data only uses the reserved example domains.
    private static string OnExampleDomain(string text, ref CellRandom random)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || text.IndexOf('.', at) < 0 || text.Contains(' ', StringComparison.Ordinal))
        {
            return text;
        }

        return string.Concat(text.AsSpan(0, at + 1), random.Pick(FakeData.ExampleDomains));
    }
}
