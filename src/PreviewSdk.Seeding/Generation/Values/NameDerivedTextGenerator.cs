using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// An e-mail address or user name made from the same row's names (<c>kareem.thiel@example.org</c> for Kareem
/// Thiel), on an example domain: the names are generated first and read from the row. Distinct values carry the
/// row number (see <see cref="TextFitting.Distinct"/>).
/// </summary>
internal sealed class NameDerivedTextGenerator(
    SemanticKind kind, int firstOutput, int lastOutput, int fullOutput, ulong seed, bool unique, int minLength, int? maxLength, long rows, ValueGenerator fallback, string? pattern = null) : ValueGenerator
{
    private static readonly string[] Separators = [".", "_", string.Empty];
    private readonly int max = maxLength ?? int.MaxValue;

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var (first, last) = Names(row.Values!);
        if (first.Length == 0 && last.Length == 0)
        {
            return fallback.Generate(row);
        }

        var random = new CellRandom(seed, row.Row, row.Attempt);
        var separator = first.Length > 0 && last.Length > 0 ? random.Pick(Separators) : string.Empty;
        // A short form now and then (jdoe, jane.d), as real address books have.
        var local = random.Next(5) switch
        {
            0 when first.Length > 0 && last.Length > 0 => string.Concat(first.AsSpan(0, 1), last),
            _ => string.Concat(first, separator, last),
        };
        if (!unique && random.Chance(0.2))
        {
            local = string.Concat(local, FakeText.Number(random.Between(1, 99)));
        }

        var text = kind == SemanticKind.Email ? string.Concat(local, "@", random.Pick(FakeData.ExampleDomains)) : local;
        text = unique
            ? TextFitting.Distinct(text, row.Row, minLength, max, rows, ref random)
            : text.Length > max || text.Length < minLength ? TextFitting.Fit(text, minLength, max, ref random) : text;

        // A CHECK pattern the made-up address does not match: the column's own generator, which follows it.
        return pattern is null || Constraints.RuleEvaluator.Matches(text, pattern) ? text : fallback.Generate(row);
    }

    /// <inheritdoc />
    public override string? NotAddressableReason => "it is made from the row's names";

    private (string First, string Last) Names(object?[] values)
    {
        var first = Ascii(firstOutput >= 0 ? values[firstOutput] as string : null);
        var last = Ascii(lastOutput >= 0 ? values[lastOutput] as string : null);
        if (first.Length == 0 && last.Length == 0 && fullOutput >= 0 && values[fullOutput] is string full)
        {
            var space = full.IndexOf(' ', StringComparison.Ordinal);
            first = Ascii(space < 0 ? full : full[..space]);
            last = Ascii(space < 0 ? null : full[(space + 1)..]);
        }

        return (first, last);
    }

    // Lower-case ASCII letters only: names with apostrophes or accents still make a valid address.
    private static string Ascii(string? name) =>
        name is null ? string.Empty : string.Concat(name.Where(char.IsAsciiLetter)).ToLowerInvariant();
}
