using PreviewSdk.Core.Budgets;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads a budget map, <c>{ environments: 3, cpu: 4, memory: 8Gi }</c>: preview.yaml's <c>budget:</c> and each
/// team of a shared budget file have this shape.
/// </summary>
internal static class BudgetSectionReader
{
    /// <summary>The keys of a budget.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["environments", "cpu", "memory"];

    public static BudgetEntry Read(ManifestNodeReader reader, Located<string> key, ManifestNode body, string path)
    {
        Located<int>? environments = null;
        Located<double>? cpus = null;
        Located<long>? memory = null;
        foreach (var (entry, value) in reader.ReadMap(body, path, Keys))
        {
            var keyPath = ManifestNodeReader.Child(path, entry.Value);
            switch (entry.Value)
            {
                case "environments":
                    environments = reader.ReadPositiveInteger(value, keyPath, int.MaxValue, "Text.Rule.Environments");
                    break;
                case "cpu":
                    cpus = ReadQuantity<double>(reader, value, keyPath, ResourceQuantity.TryParseCpus, "Text.Rule.BudgetCpu");
                    break;
                case "memory":
                    memory = ReadQuantity<long>(reader, value, keyPath, ResourceQuantity.TryParseMemory, "Text.Rule.BudgetMemory");
                    break;
            }
        }

        return new BudgetEntry(environments, cpus, memory, key.Location);
    }

    private delegate bool QuantityParser<T>(string? text, out T value);

    private static Located<T>? ReadQuantity<T>(ManifestNodeReader reader, ManifestNode node, string keyPath, QuantityParser<T> parse, string ruleKey)
        where T : struct
    {
        if (node is not ManifestScalar { IsNull: false } scalar)
        {
            reader.ReportWrongType(node, keyPath, "Text.Shape.Scalar");
            return null;
        }

        if (!parse(scalar.Value, out var value))
        {
            reader.ReportInvalidValue(scalar, keyPath, DiagnosticFactory.Format(ruleKey));
            return null;
        }

        return new Located<T>(value, scalar.Location);
    }
}
