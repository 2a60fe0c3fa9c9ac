using System.Globalization;
using Microsoft.Build.Framework;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Seeding.Runs;

namespace PreviewSdk.Tasks;

/// <summary>
/// Seeds a running environment's databases again (<c>-t:PreviewSeed</c>): truncates the seeded tables and
/// generates them anew from preview.yaml, optionally with another seed.
/// </summary>
public sealed class SeedPreview : PreviewTask
{
    /// <summary>The preview project file.</summary>
    [Required]
    public string ProjectPath { get; set; } = string.Empty;

    /// <summary>preview.yaml.</summary>
    [Required]
    public string ManifestPath { get; set; } = string.Empty;

    /// <summary>The environment's name; empty for the git branch.</summary>
    public string PreviewName { get; set; } = string.Empty;

    /// <summary>The registry root; empty for the default.</summary>
    public string StateRoot { get; set; } = string.Empty;

    /// <summary>A seed replacing preview.yaml's (a whole number); empty to keep it.</summary>
    public string Seed { get; set; } = string.Empty;

    /// <summary>The one database to seed; empty for every seeded database.</summary>
    public string Database { get; set; } = string.Empty;

    /// <inheritdoc />
    protected override bool ExecuteCore(CancellationToken cancellationToken)
    {
        int? seed = null;
        if (!string.IsNullOrWhiteSpace(Seed))
        {
            if (!int.TryParse(Seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                Report(DiagnosticFactory.Create(DiagnosticCodes.InvalidProperty, SourceLocation.WholeFile(ProjectPath), "PreviewSeedValue", Seed, "a whole number (e.g. 7)"));
                return false;
            }

            seed = value;
        }

        if (ReadManifest(ManifestPath) is not { } manifest)
        {
            return false;
        }

        var name = EnvironmentNames.Resolve(PreviewName, Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!);
        var stateRoot = Core.Environments.StateRoot.Resolve(StateRoot);
        // Like every command: a dead app host's processes are reaped by the next command, whichever it is.
        RegistrySweep.Run(new EnvironmentRegistry(stateRoot), DateTimeOffset.UtcNow, this);
        var request = new EnvironmentReseeder.Request(
            stateRoot, ProjectPath, name, manifest, seed,
            string.IsNullOrWhiteSpace(Database) ? null : Database.Trim());
        return new EnvironmentReseeder(this).ReseedAsync(request, cancellationToken).GetAwaiter().GetResult();
    }
}
