using System.Globalization;
using System.Text.RegularExpressions;
using PreviewSdk.Seeding.Schema;

namespace PreviewSdk.Seeding.Generation.Constraints;

/// <summary>What an ordered value measures: values of different families are never compared.</summary>
internal enum OrdinalFamily
{
    /// <summary>Integers, numerics, money, floating point.</summary>
    Number,

    /// <summary>Dates and timestamps, in seconds since 0001-01-01.</summary>
    Instant,

    /// <summary>Times of day.</summary>
    TimeOfDay,

    /// <summary>Intervals.</summary>
    Duration,
}

/// <summary>
/// Maps an ordered column type onto whole units (cents of a numeric(10,2), days of a date, seconds of a timestamp),
/// so ranges, uniqueness steps and column comparisons are plain <see cref="long"/> arithmetic, and back to the CLR
/// value of the type. Generated timestamps are whole seconds; generated floats have two decimals.
/// </summary>
internal sealed partial class OrdinalScale
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private const int FloatScale = 2;
    private readonly PgTypeKind kind;
    private readonly byte scale;
    private readonly double divisor;

    private OrdinalScale(PgTypeKind kind, OrdinalFamily family, byte scale, decimal unitSize, OrdinalRange limits)
    {
        this.kind = kind;
        this.scale = scale;
        Family = family;
        UnitSize = unitSize;
        Limits = limits;
        divisor = Math.Pow(10, scale);
    }

    /// <summary>The family, for comparisons between columns.</summary>
    public OrdinalFamily Family { get; }

    /// <summary>One unit in the family's absolute measure (0.01 for cents, 86400 seconds for a day).</summary>
    public decimal UnitSize { get; }

    /// <summary>Every value the type can hold, in units.</summary>
    public OrdinalRange Limits { get; }

    /// <summary>The decimal places of generated numbers.</summary>
    public int Scale => scale;

    /// <summary>The scale of an ordered type, or null for types without an order the seeder generates along.</summary>
    public static OrdinalScale? For(PgType type)
    {
        switch (type.Kind)
        {
            case PgTypeKind.Int16:
                return new(type.Kind, OrdinalFamily.Number, 0, 1, new(short.MinValue, short.MaxValue));
            case PgTypeKind.Int32:
                return new(type.Kind, OrdinalFamily.Number, 0, 1, new(int.MinValue, int.MaxValue));
            case PgTypeKind.Int64:
                return new(type.Kind, OrdinalFamily.Number, 0, 1, new(long.MinValue, long.MaxValue));
            case PgTypeKind.Numeric:
            {
                var digits = (byte)Math.Clamp(type.Scale ?? 2, 0, 18);
                var precision = type.Precision ?? 18;
                var max = precision >= 18 ? long.MaxValue / 4 : (long)Math.Pow(10, precision) - 1;
                return new(type.Kind, OrdinalFamily.Number, digits, Pow10(-digits), new(-max, max));
            }

            case PgTypeKind.Money:
                return new(type.Kind, OrdinalFamily.Number, 2, 0.01m, new(long.MinValue / 4, long.MaxValue / 4));
            case PgTypeKind.Real:
            case PgTypeKind.Double:
                return new(type.Kind, OrdinalFamily.Number, FloatScale, Pow10(-FloatScale), new(-1_000_000_000_000_000, 1_000_000_000_000_000));
            case PgTypeKind.Date:
                return new(type.Kind, OrdinalFamily.Instant, 0, 86400, new(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
            case PgTypeKind.Timestamp:
            case PgTypeKind.TimestampTz:
                return new(type.Kind, OrdinalFamily.Instant, 0, 1, new(0, DateTime.MaxValue.Ticks / TicksPerSecond));
            case PgTypeKind.Time:
                return new(type.Kind, OrdinalFamily.TimeOfDay, 0, 1, new(0, 86399));
            case PgTypeKind.Interval:
                return new(type.Kind, OrdinalFamily.Duration, 0, 1, new(-TimeSpan.MaxValue.Ticks / TicksPerSecond, TimeSpan.MaxValue.Ticks / TicksPerSecond));
            default:
                return null;
        }
    }

    /// <summary>The CLR value of <paramref name="units"/> (the hot path: no allocation but the box).</summary>
    public object FromUnits(long units)
    {
        switch (kind)
        {
            case PgTypeKind.Int16:
                return (short)units;
            case PgTypeKind.Int32:
                return (int)units;
            case PgTypeKind.Int64:
                return units;
            case PgTypeKind.Numeric:
            case PgTypeKind.Money:
                var magnitude = units < 0 ? (ulong)(-units) : (ulong)units;
                return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, scale);
            case PgTypeKind.Real:
                return (float)(units / divisor);
            case PgTypeKind.Double:
                return units / divisor;
            case PgTypeKind.Date:
                return DateOnly.FromDayNumber((int)units);
            case PgTypeKind.Timestamp:
                return new DateTime(units * TicksPerSecond, DateTimeKind.Unspecified);
            case PgTypeKind.TimestampTz:
                return new DateTime(units * TicksPerSecond, DateTimeKind.Utc);
            case PgTypeKind.Time:
                return new TimeOnly(units * TicksPerSecond);
            default:
                return TimeSpan.FromTicks(units * TicksPerSecond);
        }
    }

    /// <summary>
    /// A value of this family (of this column or another: a date compared with a timestamp) in this scale's units,
    /// exactly, possibly between two units; null when the value is of another family.
    /// </summary>
    public decimal? ToUnits(object value)
    {
        decimal? absolute = (value, Family) switch
        {
            (short v, OrdinalFamily.Number) => v,
            (int v, OrdinalFamily.Number) => v,
            (long v, OrdinalFamily.Number) => v,
            (decimal v, OrdinalFamily.Number) => v,
            (float v, OrdinalFamily.Number) => ToDecimal(v),
            (double v, OrdinalFamily.Number) => ToDecimal(v),
            (DateOnly v, OrdinalFamily.Instant) => v.DayNumber * 86400m,
            (DateTime v, OrdinalFamily.Instant) => v.Ticks / (decimal)TicksPerSecond,
            (TimeOnly v, OrdinalFamily.TimeOfDay) => v.Ticks / (decimal)TicksPerSecond,
            (TimeSpan v, OrdinalFamily.Duration) => v.Ticks / (decimal)TicksPerSecond,
            _ => null,
        };
        return absolute / UnitSize;
    }

    /// <summary>
    /// Reads a constant (from a CHECK or an override) as a value of this type: the CLR value (numerics rounded to
    /// the column's scale, like PostgreSQL does) and its exact position in units. False when it is not one.
    /// </summary>
    public bool TryParse(string text, out object? value, out decimal units)
    {
        value = null;
        units = 0;
        var trimmed = text.Trim();
        switch (Family)
        {
            case OrdinalFamily.Number:
                if (!decimal.TryParse(trimmed.Replace("$", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal),
                        NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return false;
                }

                value = NumberValue(number);
                units = number / UnitSize;
                return value is not null;
            case OrdinalFamily.Instant:
                if (!TryParseInstant(trimmed, out var instant))
                {
                    return false;
                }

                value = kind switch
                {
                    PgTypeKind.Date => DateOnly.FromDateTime(instant),
                    PgTypeKind.TimestampTz => DateTime.SpecifyKind(instant, DateTimeKind.Utc),
                    _ => DateTime.SpecifyKind(instant, DateTimeKind.Unspecified),
                };
                units = ToUnits(value)!.Value;
                return true;
            case OrdinalFamily.TimeOfDay:
                if (!TimeOnly.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    return false;
                }

                value = time;
                units = ToUnits(time)!.Value;
                return true;
            default:
                if (!IntervalText.TryParse(trimmed, out var interval))
                {
                    return false;
                }

                value = interval;
                units = ToUnits(interval)!.Value;
                return true;
        }
    }

    private object? NumberValue(decimal number)
    {
        try
        {
            return kind switch
            {
                PgTypeKind.Int16 when decimal.IsInteger(number) => (short)number,
                PgTypeKind.Int32 when decimal.IsInteger(number) => (int)number,
                PgTypeKind.Int64 when decimal.IsInteger(number) => (long)number,
                PgTypeKind.Numeric or PgTypeKind.Money => Math.Round(number, scale, MidpointRounding.AwayFromZero),
                PgTypeKind.Real => (float)number,
                PgTypeKind.Double => (double)number,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    // UTC and the clock time as written: a timestamptz constant '2020-01-01 00:00:00+02' is 22:00 UTC the day before,
    // a timestamp constant ignores the offset, as PostgreSQL's casts do. Never the machine's time zone.
    private bool TryParseInstant(string text, out DateTime instant)
    {
        instant = default;
        var normalized = ShortOffset().Replace(text, "$1:00");
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        instant = kind == PgTypeKind.TimestampTz ? parsed.UtcDateTime : parsed.DateTime;
        return true;
    }

    private static decimal ToDecimal(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e27 ? (decimal)value : value > 0 ? decimal.MaxValue : decimal.MinValue;

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result = exponent < 0 ? result / 10 : result * 10;
        }

        return result;
    }

    // PostgreSQL prints offsets as +00 or +05:30; .NET wants +00:00.
    [GeneratedRegex(@"(:\d\d(?:\.\d+)?[+-]\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortOffset();
}
