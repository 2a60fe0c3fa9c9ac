using System.Globalization;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>Reads the one key of a <c>seed.&lt;db&gt;.columns</c> entry: dataset, constant, values, range or expression.</summary>
internal static class ColumnOverrideReader
{
    public static SeedColumnEntry? Read(
        ManifestNodeReader reader, Located<string> column, Located<string> kind, ManifestNode value, string keyPath) =>
        kind.Value switch
        {
            "dataset" => reader.ReadText(value, keyPath) is { } path
                ? new SeedColumnEntry(column, SeedColumnKind.Dataset, path.Value, [])
                : null,
            "expression" => reader.ReadText(value, keyPath) is { } sql
                ? new SeedColumnEntry(column, SeedColumnKind.Expression, sql.Value, [])
                : null,
            "constant" => ReadConstant(reader, column, value, keyPath),
            "values" => ReadValues(reader, column, value, keyPath),
            _ => ReadRange(reader, column, value, keyPath),
        };

    private static SeedColumnEntry? ReadConstant(ManifestNodeReader reader, Located<string> column, ManifestNode value, string keyPath)
    {
        if (value is not ManifestScalar scalar)
        {
            reader.ReportWrongType(value, keyPath, "Text.Shape.Scalar");
            return null;
        }

        return new SeedColumnEntry(column, SeedColumnKind.Constant, scalar.IsNull ? null : scalar.Value, []);
    }

    private static SeedColumnEntry? ReadValues(ManifestNodeReader reader, Located<string> column, ManifestNode value, string keyPath)
    {
        var values = new List<(string?, double)>();
        if (value is ManifestSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (item is ManifestScalar scalar)
                {
                    values.Add((scalar.IsNull ? null : scalar.Value, 1));
                }
                else
                {
                    reader.ReportWrongType(item, $"{keyPath} entry", "Text.Shape.Scalar");
                }
            }
        }
        else if (value is ManifestMapping)
        {
            // { pending: 3, shipped: 5 }: each value with its weight.
            foreach (var (option, weightNode) in reader.ReadMap(value, keyPath))
            {
                var weightPath = ManifestNodeReader.Child(keyPath, option.Value);
                if (weightNode is not ManifestScalar { IsPlain: true, IsNull: false } weightScalar
                    || !double.TryParse(weightScalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
                {
                    reader.ReportWrongType(weightNode, weightPath, "Text.Shape.Number");
                }
                else if (!double.IsFinite(weight) || weight <= 0)
                {
                    reader.ReportInvalidValue(weightScalar, weightPath, DiagnosticFactory.Format("Text.Rule.Weight"));
                }
                else
                {
                    values.Add((option.Value, weight));
                }
            }
        }
        else
        {
            reader.ReportWrongType(value, keyPath, "Text.Shape.List");
            return null;
        }

        // Only an empty list is reported here; entries that were broken have been reported where they are.
        if (values.Count == 0 && value is ManifestSequence { Items.Count: 0 } or ManifestMapping { Entries.Count: 0 })
        {
            reader.Diagnostics.Error(
                DiagnosticCodes.InvalidValue, value.Location, keyPath, column.Value, DiagnosticFactory.Format("Text.Rule.NoValues"));
            return null;
        }

        return values.Count == 0 ? null : new SeedColumnEntry(column, SeedColumnKind.Values, null, values);
    }

    private static SeedColumnEntry? ReadRange(ManifestNodeReader reader, Located<string> column, ManifestNode value, string keyPath)
    {
        if (value is not ManifestSequence { Items.Count: 2 } sequence
            || sequence.Items[0] is not ManifestScalar { IsNull: false } low
            || sequence.Items[1] is not ManifestScalar { IsNull: false } high)
        {
            reader.ReportWrongType(value, keyPath, "Text.Shape.Range");
            return null;
        }

        return new SeedColumnEntry(column, SeedColumnKind.Range, null, [(low.Value, 1), (high.Value, 1)]);
    }
}
