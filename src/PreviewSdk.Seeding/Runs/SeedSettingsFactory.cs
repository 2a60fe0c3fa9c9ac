using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Seeding.Settings;

namespace PreviewSdk.Seeding.Runs;

/// <summary>
/// Turns a <c>seed:</c> entry of preview.yaml into <see cref="SeedSettings"/> for one profile: the profile's scale
/// chosen, tables and column overrides keyed as the seeder looks them up, each with where it is written.
/// </summary>
public static class SeedSettingsFactory
{
    /// <summary>The settings of <paramref name="entry"/> under <paramref name="profile"/>.</summary>
    /// <param name="entry">The database's <c>seed:</c> entry.</param>
    /// <param name="profile">The environment's profile; its <c>scale:</c> factor applies (1 when it has none).</param>
    /// <param name="manifestPath">The preview.yaml the entry comes from.</param>
    /// <param name="profileScale">The profile's <c>scale:</c> of the database's server, applied on top of the entry's own factor.</param>
    public static SeedSettings From(SeedEntry entry, string profile, string manifestPath, double profileScale = 1)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(manifestPath);
        var defaults = new SeedSettings();
        var tables = new Dictionary<string, TableSeedSettings>(StringComparer.Ordinal);
        foreach (var table in entry.Tables)
        {
            tables[table.Table.Value] = new TableSeedSettings
            {
                Rows = table.Rows?.Value,
                PerParent = table.Per is { } per ? new PerParentSizing(per.Value, table.Min, table.Max) : null,
                Skip = table.Skip,
                Location = table.Table.Location,
            };
        }

        var columns = new Dictionary<string, ColumnOverride>(StringComparer.Ordinal);
        foreach (var column in entry.Columns)
        {
            columns[column.Column.Value] = Override(column) with { Location = column.Column.Location };
        }

        return new SeedSettings
        {
            Seed = entry.Seed?.Value ?? defaults.Seed,
            DefaultRows = entry.Rows?.Value ?? defaults.DefaultRows,
            Scale = (entry.Scale.FirstOrDefault(scale => scale.Profile.Value == profile)?.Factor.Value ?? defaults.Scale) * profileScale,
            Tables = tables,
            Columns = columns,
            SourceFile = manifestPath,
        };
    }

    /// <summary>
    /// The settings of <paramref name="entry"/> under <paramref name="profile"/>, with the profile's <c>scale:</c> of
    /// the database's server as <paramref name="manifest"/> resolves it (1 when the profile sets none).
    /// </summary>
    /// <param name="entry">The database's <c>seed:</c> entry.</param>
    /// <param name="profile">The environment's profile.</param>
    /// <param name="manifest">The preview.yaml the entry comes from.</param>
    public static SeedSettings From(SeedEntry entry, string profile, PreviewManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(manifest);
        var server = manifest.Dependencies.FirstOrDefault(d => d.Databases.Any(database => database.Value == entry.Database.Value))?.Name.Value;
        var profileScale = server is null ? 1 : ProfileCatalog.Resolve(manifest, profile)?.ScaleOf(server) ?? 1;
        return From(entry, profile, manifest.Path, profileScale);
    }

    private static ColumnOverride Override(SeedColumnEntry column) => column.Kind switch
    {
        SeedColumnKind.Dataset => new DatasetOverride(column.Text ?? string.Empty),
        SeedColumnKind.Constant => new ConstantOverride(column.Text),
        SeedColumnKind.Expression => new ExpressionOverride(column.Text ?? string.Empty),
        SeedColumnKind.Values => new ValuesOverride(column.Values.Select(value => new WeightedValue(value.Value, value.Weight)).ToList()),
        _ => new RangeOverride(column.Values[0].Value ?? string.Empty, column.Values[1].Value ?? string.Empty),
    };

    /// <summary>The <c>existing:</c> policy of <paramref name="entry"/>: <see cref="ExistingRows.Replace"/> unless set.</summary>
    public static ExistingRows ExistingOf(SeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Existing?.Value switch
        {
            "keep" => ExistingRows.Keep,
            "fail" => ExistingRows.Fail,
            _ => ExistingRows.Replace,
        };
    }
}
