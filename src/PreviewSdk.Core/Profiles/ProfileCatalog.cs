using PreviewSdk.Core.Diagnostics;
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

    /// <summary>The built-in profiles, the default first.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [Lightweight, Heavyweight];

    /// <summary>The time to live of a <c>lightweight</c> environment unless preview.yaml says otherwise.</summary>
    public static TimeSpan LightweightTimeToLive { get; } = TimeSpan.FromHours(8);

    /// <summary>The time to live of a <c>heavyweight</c> environment unless preview.yaml says otherwise.</summary>
    public static TimeSpan HeavyweightTimeToLive { get; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Every profile <paramref name="manifest"/> can run with: the built-in ones, then those preview.yaml adds, in
    /// file order.
    /// </summary>
    /// <param name="manifest">The read preview.yaml.</param>
    public static IReadOnlyList<string> Names(PreviewManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return BuiltInNames.Concat(manifest.Profiles.Select(p => p.Name.Value)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The profile <paramref name="name"/> resolved against <paramref name="manifest"/>; null when neither built in
    /// nor defined there.
    /// </summary>
    /// <remarks>
    /// A profile starts from the profile it <c>extends:</c>; without <c>extends:</c>, a built-in name starts from the
    /// built-in profile and any other name from the <c>services:</c> and <c>dependencies:</c> settings as written
    /// (every dependency on, declared replicas) with the time to live of <c>lightweight</c>. Its own settings
    /// then override what it started from, key by key.
    /// </remarks>
    /// <param name="manifest">The read preview.yaml.</param>
    /// <param name="name">The profile's name.</param>
    public static EffectiveProfile? Resolve(PreviewManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(name);
        if (!Names(manifest).Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        var merge = new ProfileMerge(LightweightTimeToLive, RestartPolicy.Lightweight);
        merge.DeclareRuntimes(manifest.Dependencies);
        var start = Lay(merge, manifest, name, new HashSet<string>(StringComparer.Ordinal));
        return merge.ToProfile(name) with { IsLean = start == Lightweight };
    }

    /// <summary>
    /// The error for a profile name that is neither built in nor defined in <paramref name="manifest"/>
    /// (<see cref="DiagnosticCodes.UnknownProfile"/>): at the <c>profiles:</c> key, where it would be defined, or on
    /// preview.yaml as a whole when it has none. The build and the app host word it alike.
    /// </summary>
    /// <param name="manifest">The read preview.yaml.</param>
    /// <param name="name">The unknown profile's name.</param>
    public static PreviewDiagnostic DescribeUnknown(PreviewManifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(name);
        var names = Names(manifest);
        return DiagnosticFactory.Create(
            DiagnosticCodes.UnknownProfile,
            manifest.ProfilesLocation ?? SourceLocation.WholeFile(manifest.Path),
            name,
            DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(name, names)),
            DiagnosticFactory.NameList(names));
    }

    // Parents first. Returns the built-in profile the chain of extends: starts from, or null when it starts from the
    // settings as written. A cycle (reported as PREVIEW1032 when preview.yaml is read) ends where it comes back.
    private static string? Lay(ProfileMerge merge, PreviewManifest manifest, string name, HashSet<string> visited)
    {
        if (!visited.Add(name))
        {
            return null;
        }

        string? start = null;
        var entry = manifest.Profiles.FirstOrDefault(p => p.Name.Value == name);
        if (entry?.Extends is { } parent)
        {
            start = Lay(merge, manifest, parent.Value, visited);
        }
        else if (name == Lightweight)
        {
            merge.Apply(Empty(name, LightweightTimeToLive, RestartPolicy.Lightweight));
            merge.CapReplicasAtOne(manifest.Services);
            start = Lightweight;
        }
        else if (name == Heavyweight)
        {
            merge.Apply(Empty(name, HeavyweightTimeToLive, RestartPolicy.Heavyweight));
            start = Heavyweight;
        }

        if (entry is not null)
        {
            merge.Apply(entry);
        }

        return start;
    }

    private static ProfileEntry Empty(string name, TimeSpan timeToLive, RestartPolicy restart) =>
        new(new Located<string>(name, default), null, new Located<TimeSpan>(timeToLive, default), [], [])
        {
            Restart = new RestartEntry(true, restart.Attempts, restart.Backoff, default),
        };
}
