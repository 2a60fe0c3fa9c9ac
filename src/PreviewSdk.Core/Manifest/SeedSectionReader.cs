using System.Globalization;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>Reads the <c>seed:</c> section of preview.yaml: one entry per database to fill with generated data.</summary>
internal static class SeedSectionReader
{
    private static readonly string[] EntryKeys = ["seed", "rows", "scale", "migrations", "existing", "exclude", "tables", "columns"];
    private static readonly string[] MigrationKeys = ["service", "sql", "efcore", "startup"];
    private static readonly string[] TableKeys = ["rows", "per", "min", "max", "skip"];
    private static readonly string[] ColumnKeys = ["dataset", "constant", "values", "range", "expression"];

    public static IReadOnlyList<SeedEntry> Read(ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var entries = new List<SeedEntry>();
        foreach (var (database, body) in reader.ReadMap(section, sectionPath))
        {
            entries.Add(ReadEntry(reader, database, body, ManifestNodeReader.Child(sectionPath, database.Value)));
        }

        return entries;
    }

    private static SeedEntry ReadEntry(ManifestNodeReader reader, Located<string> database, ManifestNode body, string path)
    {
        Located<int>? seed = null;
        Located<long>? rows = null;
        IReadOnlyList<SeedScaleEntry> scale = [];
        MigrationsEntry? migrations = null;
        Located<string>? existing = null;
        IReadOnlyList<Located<string>> exclude = [];
        IReadOnlyList<SeedTableEntry> tables = [];
        IReadOnlyList<SeedColumnEntry> columns = [];
        foreach (var (key, value) in reader.ReadMap(body, path, EntryKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            switch (key.Value)
            {
                case "seed":
                    seed = ReadSeed(reader, value, keyPath);
                    break;
                case "rows":
                    rows = ReadRowCount(reader, value, keyPath);
                    break;
                case "scale":
                    scale = ReadScale(reader, value, keyPath);
                    break;
                case "migrations":
                    migrations = ReadMigrations(reader, key, value, keyPath);
                    break;
                case "existing":
                    existing = ReadExisting(reader, value, keyPath);
                    break;
                case "exclude":
                    exclude = reader.ReadNameList(value, keyPath);
                    break;
                case "tables":
                    tables = ReadTables(reader, value, keyPath);
                    break;
                case "columns":
                    columns = ReadColumns(reader, value, keyPath);
                    break;
            }
        }

        return new SeedEntry(database, seed, rows, scale, migrations, exclude, tables, columns) { Existing = existing };
    }

    private static Located<string>? ReadExisting(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } existing)
        {
            return null;
        }

        if (!SeedEntry.ExistingPolicies.Contains(existing.Value, StringComparer.Ordinal))
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format("Text.Rule.Existing"));
            return null;
        }

        return existing;
    }

    private static Located<int>? ReadSeed(ManifestNodeReader reader, ManifestNode node, string keyPath)
    {
        if (node is ManifestScalar { IsNull: false, IsPlain: true } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return new Located<int>(value, scalar.Location);
        }

        reader.ReportWrongType(node, keyPath, "Text.Shape.Integer");
        return null;
    }

    /// <summary>A row count: a whole number of 0 or more (0 leaves the table empty).</summary>
    private static Located<long>? ReadRowCount(ManifestNodeReader reader, ManifestNode node, string keyPath)
    {
        if (node is not ManifestScalar { IsNull: false, IsPlain: true } scalar
            || !long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            reader.ReportWrongType(node, keyPath, "Text.Shape.Integer");
            return null;
        }

        if (value is < 0 or > 1_000_000_000)
        {
            reader.ReportInvalidValue(scalar, keyPath, DiagnosticFactory.Format("Text.Rule.Rows"));
            return null;
        }

        return new Located<long>(value, scalar.Location);
    }

    private static IReadOnlyList<SeedScaleEntry> ReadScale(ManifestNodeReader reader, ManifestNode node, string keyPath)
    {
        var factors = new List<SeedScaleEntry>();
        foreach (var (profile, value) in reader.ReadMap(node, keyPath))
        {
            var factorPath = ManifestNodeReader.Child(keyPath, profile.Value);
            if (ReadScaleFactor(reader, value, factorPath) is { } factor)
            {
                factors.Add(new SeedScaleEntry(profile, factor));
            }
        }

        return factors;
    }

    /// <summary>A factor on row counts: above 0, at most 10,000 (also a profile's dependency <c>scale:</c>).</summary>
    internal static Located<double>? ReadScaleFactor(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadNumber(value, keyPath) is not { } factor)
        {
            return null;
        }

        if (factor.Value is <= 0 or > 10_000)
        {
            reader.ReportInvalidValue((ManifestScalar)value, keyPath, DiagnosticFactory.Format("Text.Rule.Scale"));
            return null;
        }

        return factor;
    }

    private static MigrationsEntry? ReadMigrations(ManifestNodeReader reader, Located<string> key, ManifestNode node, string keyPath)
    {
        Located<string>? service = null, sql = null, efCore = null, startup = null;
        foreach (var (name, value) in reader.ReadMap(node, keyPath, MigrationKeys))
        {
            var text = reader.ReadText(value, ManifestNodeReader.Child(keyPath, name.Value));
            switch (name.Value)
            {
                case "service": service = text; break;
                case "sql": sql = text; break;
                case "efcore": efCore = text; break;
                case "startup": startup = text; break;
            }
        }

        return new MigrationsEntry(service, sql, efCore, startup, key.Location);
    }

    private static IReadOnlyList<SeedTableEntry> ReadTables(ManifestNodeReader reader, ManifestNode node, string keyPath)
    {
        var tables = new List<SeedTableEntry>();
        foreach (var (table, value) in reader.ReadMap(node, keyPath))
        {
            var tablePath = ManifestNodeReader.Child(keyPath, table.Value);
            if (value is ManifestScalar)
            {
                // The short form: 'products: 40'.
                if (ReadRowCount(reader, value, tablePath) is { } count)
                {
                    tables.Add(new SeedTableEntry(table, count, null, 1, 1, false));
                }

                continue;
            }

            tables.Add(ReadTable(reader, table, value, tablePath));
        }

        return tables;
    }

    private static SeedTableEntry ReadTable(ManifestNodeReader reader, Located<string> table, ManifestNode node, string path)
    {
        Located<long>? rows = null;
        Located<string>? per = null;
        Located<long>? min = null, max = null;
        var skip = false;
        foreach (var (key, value) in reader.ReadMap(node, path, TableKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            switch (key.Value)
            {
                case "rows": rows = ReadRowCount(reader, value, keyPath); break;
                case "per": per = reader.ReadText(value, keyPath); break;
                case "min": min = ReadRowCount(reader, value, keyPath); break;
                case "max": max = ReadRowCount(reader, value, keyPath); break;
                case "skip": skip = reader.ReadBoolean(value, keyPath)?.Value ?? false; break;
            }
        }

        var low = (int)Math.Min(min?.Value ?? 1, 10_000);
        var high = (int)Math.Min(max?.Value ?? Math.Max(low, 1), 10_000);
        if (per is not null && high < low && max is { } maxValue)
        {
            reader.Diagnostics.Error(
                DiagnosticCodes.InvalidValue, maxValue.Location, ManifestNodeReader.Child(path, "max"),
                maxValue.Value.ToString(CultureInfo.InvariantCulture), DiagnosticFactory.Format("Text.Rule.PerParentMax"));
            high = low;
        }

        if (per is null && (min is not null || max is not null))
        {
            var stray = min ?? max!.Value;
            reader.Diagnostics.Error(
                DiagnosticCodes.InvalidValue, stray.Location, path, stray.Value.ToString(CultureInfo.InvariantCulture),
                DiagnosticFactory.Format("Text.Rule.PerParentBounds"));
        }

        return new SeedTableEntry(table, rows, per, low, high, skip);
    }

    private static IReadOnlyList<SeedColumnEntry> ReadColumns(ManifestNodeReader reader, ManifestNode node, string keyPath)
    {
        var columns = new List<SeedColumnEntry>();
        foreach (var (column, value) in reader.ReadMap(node, keyPath))
        {
            var columnPath = ManifestNodeReader.Child(keyPath, column.Value);
            if (!IsTableDotColumn(column.Value))
            {
                reader.Diagnostics.Error(
                    DiagnosticCodes.InvalidValue, column.Location, keyPath, column.Value, DiagnosticFactory.Format("Text.Rule.ColumnKey"));
                continue;
            }

            var kinds = reader.ReadMap(value, columnPath, ColumnKeys);
            if (kinds.Count != 1)
            {
                if (value is ManifestMapping || kinds.Count > 1)
                {
                    reader.Diagnostics.Error(
                        DiagnosticCodes.InvalidValue, value.Location, columnPath, column.Value, DiagnosticFactory.Format("Text.Rule.ColumnOverride"));
                }

                continue;
            }

            if (ColumnOverrideReader.Read(reader, column, kinds[0].Key, kinds[0].Value, ManifestNodeReader.Child(columnPath, kinds[0].Key.Value)) is { } entry)
            {
                columns.Add(entry);
            }
        }

        return columns;
    }

    private static bool IsTableDotColumn(string key)
    {
        var parts = key.Split('.');
        return parts.Length is 2 or 3 && parts.All(part => part.Length > 0 && !part.Any(char.IsWhiteSpace));
    }
}
