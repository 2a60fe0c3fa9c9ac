using System.Globalization;
using System.Text;
using PreviewSdk.Seeding.Runs;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Templates;

/// <summary>
/// The seed settings as one canonical text for a template's key: every value that changes the generated rows
/// (seed, counts, scale, reference date, tables, column overrides, excluded tables, the existing-rows policy), and
/// nothing that does not (where in preview.yaml a setting is written). Datasets from files count by their content.
/// </summary>
public static class SeedSettingsText
{
    /// <summary>The canonical text of <paramref name="settings"/>.</summary>
    /// <param name="settings">The settings, with the profile's scale applied.</param>
    /// <param name="excludedTables">The entry's <c>exclude:</c> tables.</param>
    /// <param name="existing">The entry's <c>existing:</c> policy.</param>
    public static string Of(SeedSettings settings, IEnumerable<string> excludedTables, ExistingRows existing)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(excludedTables);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"seed={settings.Seed};rows={settings.DefaultRows};scale={settings.Scale:R};reference={settings.ReferenceDate:O};existing={existing};");
        text.Append("exclude=").Append(string.Join(',', excludedTables.Order(StringComparer.Ordinal))).Append(';');
        foreach (var (name, table) in settings.Tables.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"table {name}: rows={table.Rows};skip={table.Skip}");
            if (table.PerParent is { } per)
            {
                text.Append(CultureInfo.InvariantCulture, $";per={per.Parent},{per.Min},{per.Max}");
            }

            text.Append(';');
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(settings.SourceFile)) ?? string.Empty;
        foreach (var (name, column) in settings.Columns.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append("column ").Append(name).Append(": ").Append(Describe(column, folder)).Append(';');
        }

        return text.ToString();
    }

    private static string Describe(ColumnOverride column, string folder) => column switch
    {
        DatasetOverride dataset => $"dataset {dataset.Path} {DatasetDigest(Path.Combine(folder, dataset.Path))}",
        ConstantOverride constant => constant.Value is null ? "constant null" : $"constant {Quote(constant.Value)}",
        ValuesOverride values => "values " + string.Join(',', values.Values.Select(v => $"{(v.Value is null ? "null" : Quote(v.Value))}*{v.Weight.ToString("R", CultureInfo.InvariantCulture)}")),
        RangeOverride range => $"range {Quote(range.Min)}..{Quote(range.Max)}",
        ExpressionOverride expression => $"expression {Quote(expression.Sql)}",
        _ => column.GetType().Name,
    };

    // Length-prefixed, so a value cannot pose as a separator.
    private static string Quote(string value) => $"{value.Length}:{value}";

    private static string DatasetDigest(string path) =>
        File.Exists(path) ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)))[..16] : "built-in";
}
