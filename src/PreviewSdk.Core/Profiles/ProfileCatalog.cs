using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Profiles;

/// <summary>
/// The profiles an environment can run with: the built-in <c>lightweight</c> and <c>heavyweight</c>, and those
/// preview.yaml defines or refines.
/// </summary>
public static class ProfileCatalog
{
    /// <summary>The default profile: functional equivalents, one replica each, small data.</summary>
    public const string Lightweight = "lightweight";

    /// <summary>Infrastructure equivalents: the real engines, declared replicas, full data volume.</summary>
    public const string Heavyweight = "heavyweight";

    /// <summary>The time to live of a <c>lightweight</c> environment unless preview.yaml says otherwise.</summary>
    public static TimeSpan LightweightTimeToLive { get; } = TimeSpan.FromHours(8);

    /// <summary>The time to live of a <c>heavyweight</c> environment unless preview.yaml says otherwise.</summary>
    public static TimeSpan HeavyweightTimeToLive { get; } = TimeSpan.FromHours(4);

    /// <summary>
    /// The profile <paramref name="name"/> resolved against <paramref name="manifest"/>; null when neither built in
    /// nor defined there.
    /// </summary>
    /// <param name="manifest">The read preview.yaml.</param>
    /// <param name="name">The profile's name.</param>
    public static EffectiveProfile? Resolve(PreviewManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            Lightweight => new EffectiveProfile(name, LightweightTimeToLive, new Dictionary<string, ServiceProfile>(), new Dictionary<string, DependencyProfile>()),
            Heavyweight => new EffectiveProfile(name, HeavyweightTimeToLive, new Dictionary<string, ServiceProfile>(), new Dictionary<string, DependencyProfile>()),
            _ => null,
        };
    }
}
