using PreviewSdk.Seeding.Generation.Constraints;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Inference;

/// <summary>
/// Where values of a kind normally fall (prices 1–1,000, quantities 1–20, creation times the three years before
/// the reference date, birth dates 18–90 years before it), in units of the column's scale. Constraints then move
/// the range (see <see cref="OrdinalRange.FitInto"/>); the reference date keeps dates off the clock.
/// </summary>
internal static class NaturalRanges
{
    /// <summary>The natural range of <paramref name="kind"/> for a column of <paramref name="scale"/>, and whether low values are more common.</summary>
    public static (OrdinalRange Range, bool FavorLow) For(SemanticKind kind, OrdinalScale scale, PgTypeKind type, DateTime reference)
    {
        switch (scale.Family)
        {
            case OrdinalFamily.Instant:
                return (Instants(kind, scale, reference), false);
            case OrdinalFamily.TimeOfDay:
                return (Units(scale, 8 * 3600, 20 * 3600), false);
            case OrdinalFamily.Duration:
                return (Units(scale, 60, 30 * 86400), true);
        }

        var (low, high, favorLow) = kind switch
        {
            SemanticKind.Money => (1m, 1000m, true),
            SemanticKind.LargeMoney => (20_000m, 200_000m, false),
            SemanticKind.SmallMoney => (0m, 100m, true),
            SemanticKind.Quantity => (1m, 20m, true),
            SemanticKind.Age => (18m, 90m, false),
            SemanticKind.Year => (reference.Year - 30, reference.Year, false),
            SemanticKind.Rating => (1m, 5m, false),
            SemanticKind.Percentage => (0m, 100m, false),
            SemanticKind.Latitude => (-90m, 90m, false),
            SemanticKind.Longitude => (-180m, 180m, false),
            SemanticKind.Position => (1m, 100m, true),
            SemanticKind.ExternalId => (1m, 1_000_000m, false),
            SemanticKind.UnixTime => (UnixSeconds(reference.AddYears(-2)), UnixSeconds(reference), false),
            SemanticKind.FutureUnixTime => (UnixSeconds(reference), UnixSeconds(reference.AddYears(1)), false),
            SemanticKind.MostlyTrue or SemanticKind.MostlyFalse => (0m, 1m, false),
            _ when type == PgTypeKind.Int16 => (1m, 100m, false),
            _ => (1m, 1000m, false),
        };
        return (Units(scale, low, high), favorLow);
    }

    private static OrdinalRange Instants(SemanticKind kind, OrdinalScale scale, DateTime reference)
    {
        var (from, to) = kind switch
        {
            SemanticKind.BirthDate => (reference.AddYears(-90), reference.AddYears(-18)),
            SemanticKind.CreatedAt or SemanticKind.UpdatedAt => (reference.AddYears(-3), reference),
            SemanticKind.StartsAt => (reference.AddYears(-1), reference.AddMonths(3)),
            SemanticKind.EndsAt => (reference.AddMonths(-9), reference.AddYears(1)),
            SemanticKind.FutureAt => (reference, reference.AddYears(1)),
            _ => (reference.AddYears(-2), reference),
        };
        return new OrdinalRange(OrdinalRange.Ceiling(scale.ToUnits(from)!.Value), OrdinalRange.Floor(scale.ToUnits(to)!.Value));
    }

    private static decimal UnixSeconds(DateTime moment) => new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Utc)).ToUnixTimeSeconds();

    private static OrdinalRange Units(OrdinalScale scale, decimal low, decimal high) =>
        new(OrdinalRange.Ceiling(low / scale.UnitSize), OrdinalRange.Floor(high / scale.UnitSize));
}
