using System.Globalization;
using System.Text;
using PreviewSdk.Seeding.Generation.Inference;
using PreviewSdk.Seeding.Generation.Randomness;

namespace PreviewSdk.Seeding.Generation.Values;

/// <summary>
/// A small, realistic JSON object as text (json and jsonb take text): a few keys with words, numbers, a boolean
/// and a short array, e.g. <c>{"source":"web","version":3,"enabled":true,"tags":["dolor","amet"]}</c>. When
/// distinct, it carries the row index as <c>"id"</c>.
/// </summary>
internal sealed class JsonGenerator(ulong seed, bool unique) : ValueGenerator
{
    private static readonly string[] Sources = ["web", "mobile", "api", "import", "email"];
    private static readonly string[] Themes = ["light", "dark", "system"];

    /// <inheritdoc />
    public override object? Generate(in RowState row)
    {
        var random = new CellRandom(seed, row.Row, row.Attempt);
        var json = new StringBuilder(96).Append('{');
        if (unique)
        {
            json.Append("\"id\":").Append(row.Row.ToString(CultureInfo.InvariantCulture)).Append(',');
        }

        json.Append("\"source\":\"").Append(random.Pick(Sources)).Append("\",");
        json.Append("\"version\":").Append(random.Between(1, 9).ToString(CultureInfo.InvariantCulture)).Append(',');
        json.Append("\"enabled\":").Append(random.Chance(0.7) ? "true" : "false").Append(',');
        json.Append("\"theme\":\"").Append(random.Pick(Themes)).Append("\",");
        json.Append("\"tags\":[");
        var tags = (int)random.Between(0, 3);
        for (var i = 0; i < tags; i++)
        {
            json.Append(i > 0 ? ",\"" : "\"").Append(random.Pick(FakeData.Words)).Append('"');
        }

        return json.Append("]}").ToString();
    }
}
