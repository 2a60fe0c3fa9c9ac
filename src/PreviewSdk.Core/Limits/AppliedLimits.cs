using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Limits;

/// <summary>How a service's limits are kept.</summary>
public enum LimitsEnforcement
{
    /// <summary>By the kernel: each replica runs in a cgroup with the limits.</summary>
    Cgroup,

    /// <summary>By the .NET runtime, told by <see cref="DotnetLimitVariables"/>: no cgroups on this machine.</summary>
    BestEffort,

    /// <summary>Not at all: no cgroups on this machine, and not a .NET service.</summary>
    NotEnforced,
}

/// <summary>The limits of one service and how they are kept, for the links and the dashboard.</summary>
/// <param name="Service">The service's resource name.</param>
/// <param name="Limits">The limits of each replica.</param>
/// <param name="Enforcement">How they are kept.</param>
/// <param name="Applied">What was applied: <c>cgroup v2</c>, or the variables of the best effort; empty when nothing.</param>
public sealed record AppliedLimits(string Service, ResourceLimits Limits, LimitsEnforcement Enforcement, string Applied)
{
    /// <summary>Why cgroups were not used; null when they were.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// The limits and how they are kept, e.g. <c>cpu 0.5, memory 512 MiB (cgroup v2)</c> or
    /// <c>cpu 0.5, memory 512 MiB (best effort: DOTNET_PROCESSOR_COUNT=1, DOTNET_GCHeapHardLimit=384 MiB)</c>.
    /// </summary>
    public string Describe() => Enforcement switch
    {
        LimitsEnforcement.Cgroup => $"{Limits.Describe()} ({Applied})",
        LimitsEnforcement.BestEffort => $"{Limits.Describe()} (best effort: {Applied})",
        _ => $"{Limits.Describe()} (not enforced)",
    };

    /// <summary>
    /// The PREVIEW3010 warning that the limits are not enforced by cgroups, or null when they are.
    /// </summary>
    /// <param name="location">Where to report it: the preview project.</param>
    public PreviewDiagnostic? ToWarning(SourceLocation location) => Enforcement == LimitsEnforcement.Cgroup
        ? null
        : DiagnosticFactory.Create(
            DiagnosticCodes.LimitsBestEffort,
            DiagnosticSeverity.Warning,
            location,
            Service,
            Limits.Describe(),
            Reason ?? "unknown",
            Enforcement == LimitsEnforcement.BestEffort ? Applied : DiagnosticFactory.Format("Text.NothingApplied"));
}
