using System.Globalization;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// Makes text fit a column (cut to its maximum length, padded to its minimum) and distinct (a row number woven in).
/// A distinct value always ends in the row number right after a character that is not a digit (or, in an e-mail
/// address, right before the <c>@</c>): two rows then never share a value, whatever the text before it.
/// </summary>
internal static class TextFitting
{
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters (without a trailing space) and padded to <paramref name="min"/>.</summary>
    public static string Fit(string text, int min, int max, ref CellRandom random)
    {
        if (text.Length > max)
        {
            var cut = text.AsSpan(0, max).TrimEnd();
            text = cut.Length >= min ? new string(cut) : text[..max];
        }

        if (text.Length < min)
        {
            Span<char> buffer = min <= 512 ? stackalloc char[min] : new char[min];
            text.AsSpan().CopyTo(buffer);
            for (var i = text.Length; i < min; i++)
            {
                buffer[i] = FakeText.Letter(ref random);
            }

            text = new string(buffer);
        }

        return text;
    }

    /// <summary>The number of characters a distinct value of <paramref name="rows"/> rows needs when the row number is written in base 36 alone.</summary>
    public static int CompactWidth(long rows)
    {
        var width = 1;
        for (var capacity = 36L; capacity < rows && width < 13; capacity *= 36)
        {
            width++;
        }

        return width;
    }

    /// <summary>How many rows can get distinct text of at most <paramref name="max"/> characters (saturating).</summary>
    public static long Capacity(int max)
    {
        var capacity = 1L;
        for (var i = 0; i < max; i++)
        {
            if (capacity > long.MaxValue / 36)
            {
                return long.MaxValue;
            }

            capacity *= 36;
        }

        return capacity;
    }

    /// <summary>
    /// <paramref name="text"/> made distinct by row <paramref name="index"/> within [min, max] characters:
    /// <c>text-index</c> (e-mail: <c>local index@domain</c>), or, when that cannot fit, the index alone in base 36.
    /// </summary>
    public static string Distinct(string text, long index, int min, int max, long rows, ref CellRandom random)
    {
        Span<char> digits = stackalloc char[20];
        index.TryFormat(digits, out var digitCount, provider: CultureInfo.InvariantCulture);
        digits = digits[..digitCount];
        var needed = digitCount + 1;
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && at + digitCount + (text.Length - at) <= max && text.Length + digitCount >= min)
        {
            return string.Concat(text.AsSpan(0, at), digits, text.AsSpan(at));
        }

        if (max - needed >= 1 || (max >= needed && min <= needed))
        {
            var room = Math.Max(0, max - needed);
            var head = text.Length > room ? text.AsSpan(0, room).TrimEnd() : text.AsSpan();
            var length = Math.Max(head.Length + needed, min);
            Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
            head.CopyTo(buffer);
            var fill = length - needed;
            for (var i = head.Length; i < fill; i++)
            {
                buffer[i] = FakeText.Letter(ref random);
            }

            buffer[fill] = '-';
            digits.CopyTo(buffer[(fill + 1)..]);
            return new string(buffer);
        }

        return Compact(index, Math.Max(CompactWidth(rows), min));
    }

    /// <summary><paramref name="index"/> in base 36, zero-padded to <paramref name="width"/> characters.</summary>
    public static string Compact(long index, int width) =>
        string.Create(width, index, static (span, value) =>
        {
            for (var i = span.Length - 1; i >= 0; i--)
            {
                span[i] = Base36[(int)(value % 36)];
                value /= 36;
            }
        });
}
