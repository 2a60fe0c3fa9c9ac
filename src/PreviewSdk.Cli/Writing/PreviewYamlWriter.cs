using System.Text;
using PreviewSdk.Cli.Mapping;

namespace PreviewSdk.Cli.Writing;

/// <summary>
/// Writes the preview.yaml of a draft, commented so that a reader learns from it what each entry does and why init
/// chose it. Paths are relative to the preview project's folder, where preview.yaml lives.
/// </summary>
internal static class PreviewYamlWriter
{
    /// <summary>Rows per table unless a table says otherwise.</summary>
    public const int DefaultRows = 20;

    public static string Write(PreviewDraft draft, string appHostName, string previewFolder)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var text = new StringBuilder();
        text.Append($"# Written by `previewsdk init` from {appHostName}. Reference: docs/preview-yaml.md of PreviewSdk.\n");
        text.Append("# Start it with: dotnet build -t:Preview   (stop it with -t:PreviewDown)\n");
        text.Append($"app: {draft.AppName}\n");
        if (draft.Dependencies.Count > 0)
        {
            text.Append("\n# Backing services, run from binaries installed on the machine (no containers).\ndependencies:\n");
            foreach (var dependency in draft.Dependencies)
            {
                text.Append($"  {dependency.Name}:\n    type: {dependency.Type}\n");
                if (dependency.Databases.Count > 0)
                {
                    text.Append($"    databases: [{string.Join(", ", dependency.Databases)}]\n");
                }
            }
        }

        text.Append("\n# The app host's projects, under the names its services use for service discovery and connections.\nservices:\n");
        foreach (var service in draft.Services)
        {
            text.Append($"  {service.Name}:\n    project: {Path.GetFileNameWithoutExtension(service.ProjectPath)}\n");
            if (service.Http2Only)
            {
                text.Append($"    protocol: http2{Comment(service.Note)}\n");
            }

            if (service.Uses.Count > 0)
            {
                text.Append($"    uses: [{string.Join(", ", service.Uses)}]\n");
            }
        }

        if (draft.Seeds.Count > 0)
        {
            text.Append("\n# Generated rows for each database, after its migrations and before the links are printed.\nseed:\n");
            foreach (var seed in draft.Seeds)
            {
                AppendSeed(text, seed, previewFolder);
            }
        }

        return text.ToString();
    }

    private static void AppendSeed(StringBuilder text, SeedDraft seed, string previewFolder)
    {
        text.Append($"  {seed.Database}:\n    seed: 1\n    rows: {DefaultRows}                    # per table unless set under tables:\n");
        if (seed.MigrationsService is { } service)
        {
            text.Append($"    migrations:\n      service: {service}{Comment($"migrates {seed.Database} as it starts (found by {seed.MigrationsReason})")}\n");
            if (seed.EfCoreProject is { } project)
            {
                var relative = Path.GetRelativePath(previewFolder, Path.GetDirectoryName(project)!).Replace('\\', '/');
                text.Append($"      efcore: {relative}{Comment("seeding waits until all its migrations are applied")}\n");
            }
        }

        text.Append("    existing: replace             # rows the app writes itself (its demo data) are replaced by the seed\n");
        if (seed.Tables.Count > 0)
        {
            text.Append("    tables:                       # from the EF Core model snapshot\n");
            foreach (var table in seed.Tables)
            {
                text.Append($"      {table}: {DefaultRows}\n");
            }
        }
        else
        {
            text.Append($"    # tables:\n    #   orders: 200\n    #   order_lines: {{ per: orders, min: 1, max: 5 }}\n");
        }
    }

    private static string Comment(string? note) => note is null ? string.Empty : $"   # {note}";
}
