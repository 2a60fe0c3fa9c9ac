using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Seeding.Schema;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Generation.Planning;

/// <summary>
/// Checks that the settings name what the database has (PREVIEW4010, PREVIEW4011) and that counts are counts
/// (PREVIEW4028), and resolves each override's <c>table.column</c> key to its table and column.
/// </summary>
internal static class SettingsValidator
{
    /// <summary>The overrides by (table display name, column), after reporting every key that names nothing.</summary>
    public static Dictionary<(string Table, string Column), ColumnOverride> Validate(DatabaseSchema schema, SeedSettings settings, DiagnosticBag diagnostics)
    {
        var file = new SourceLocation(settings.SourceFile, 0, 0);
        var tableNames = schema.Tables.Select(t => t.DisplayName).ToList();
        foreach (var (name, table) in settings.Tables.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (schema.Find(name) is null)
            {
                diagnostics.Error(DiagnosticCodes.SeedTableUnknown, table.Location ?? file, name, DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(name, tableNames)));
            }

            if (table.Rows is < 0)
            {
                diagnostics.Error(DiagnosticCodes.SeedRowCountInvalid, table.Location ?? file, $"rows of '{name}'", table.Rows.Value);
            }
            else if (table.Rows is { } rows && TableSize.Scaled(rows, settings.Scale) > ManifestBounds.MaximumScaledRows)
            {
                diagnostics.Error(DiagnosticCodes.SeedRowCountInvalid, table.Location ?? file, $"rows × scale of '{name}' ({rows} × {settings.Scale})", TableSize.Scaled(rows, settings.Scale));
            }
        }

        if (settings.DefaultRows < 0)
        {
            diagnostics.Error(DiagnosticCodes.SeedRowCountInvalid, file, "default rows", settings.DefaultRows);
        }

        if (!double.IsFinite(settings.Scale) || settings.Scale <= 0)
        {
            diagnostics.Error(DiagnosticCodes.SeedRowCountInvalid, file, "scale", settings.Scale);
        }
        else if (settings.DefaultRows >= 0 && TableSize.Scaled(settings.DefaultRows, settings.Scale) > ManifestBounds.MaximumScaledRows)
        {
            diagnostics.Error(DiagnosticCodes.SeedRowCountInvalid, file, $"default rows × scale ({settings.DefaultRows} × {settings.Scale})", TableSize.Scaled(settings.DefaultRows, settings.Scale));
        }

        var overrides = new Dictionary<(string, string), ColumnOverride>();
        foreach (var (key, columnOverride) in settings.Columns.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var location = columnOverride.Location ?? file;
            var dot = key.LastIndexOf('.');
            var table = dot > 0 ? schema.Find(key[..dot]) : null;
            if (table is null)
            {
                var tablePart = dot > 0 ? key[..dot] : key;
                var candidates = schema.Tables.SelectMany(t => t.Columns.Select(c => $"{t.DisplayName}.{c.Name}"));
                diagnostics.Error(
                    DiagnosticCodes.SeedColumnUnknown, location, key, $"there is no table '{tablePart}'",
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(key, candidates)));
                continue;
            }

            var column = key[(dot + 1)..];
            var schemaColumn = table.Column(column);
            if (schemaColumn is null)
            {
                diagnostics.Error(
                    DiagnosticCodes.SeedColumnUnknown, location, key, $"table '{table.DisplayName}' has no column '{column}'",
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(column, table.Columns.Select(c => c.Name)) is { } close ? $"{table.DisplayName}.{close}" : null));
                continue;
            }

            if (schemaColumn.IsGenerated)
            {
                diagnostics.Error(DiagnosticCodes.SeedOverrideNotApplicable, location, key, "the column is GENERATED ALWAYS AS (...) STORED, so PostgreSQL computes it and it is never written");
                continue;
            }

            overrides[(table.DisplayName, column)] = columnOverride;
        }

        return overrides;
    }
}
