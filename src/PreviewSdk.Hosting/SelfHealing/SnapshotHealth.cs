using System.Collections.Immutable;
using System.Reflection;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// Replaces the health reports of a resource snapshot. Aspire 13.6 derives a resource's health from its reports
/// but lets only its own health check loop write them (the setter is internal), and that loop looks at a healthy
/// resource every 30 s: too late for a dependent whose database just died. The setter is reached by reflection,
/// pinned by a test (<c>SnapshotHealthTests</c>) so an Aspire update that changes it fails the build's tests
/// instead of quietly bringing the 30 s back.
/// </summary>
internal static class SnapshotHealth
{
    private static readonly PropertyInfo Reports = typeof(CustomResourceSnapshot).GetProperty(nameof(CustomResourceSnapshot.HealthReports))
        ?? throw new InvalidOperationException("CustomResourceSnapshot.HealthReports is gone.");

    /// <summary>True when this Aspire lets the reports be replaced.</summary>
    public static bool IsSupported => Reports.SetMethod is not null;

    /// <summary>A copy of <paramref name="snapshot"/> with <paramref name="reports"/> (its health follows them), or the snapshot itself where that is not possible.</summary>
    public static CustomResourceSnapshot WithReports(CustomResourceSnapshot snapshot, ImmutableArray<HealthReportSnapshot> reports)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!IsSupported)
        {
            return snapshot;
        }

        var copy = snapshot with { };
        Reports.SetValue(copy, reports);
        return copy;
    }
}
