namespace PreviewSdk.Core.Manifest;

/// <summary>
/// The documented upper bounds of preview.yaml's counts (docs/preview-yaml.md). Each is far above what one machine
/// can run, and low enough that every product PreviewSdk computes from them (replicas × memory, rows × scale) fits
/// in 64 bits: a bound that is never reached in use but always reached by a typo or an attack.
/// </summary>
public static class ManifestBounds
{
    /// <summary>The most replicas of one service: 100. Every replica is a process on this machine.</summary>
    public const int MaximumReplicas = 100;

    /// <summary>
    /// The most rows one seeded table may get once every factor is applied (its row count × the entry's
    /// <c>scale:</c> × the profile's dependency <c>scale:</c>): 1,000,000,000, the largest row count preview.yaml
    /// accepts, so a scale can shrink a large table but never grow one past what a count may say.
    /// </summary>
    public const long MaximumScaledRows = 1_000_000_000;
}
