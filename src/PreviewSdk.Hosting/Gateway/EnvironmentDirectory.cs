using PreviewSdk.Core.Environments;
using PreviewSdk.Gateway.Pages;

namespace Aspire.Hosting;

/// <summary>
/// What the links directory page shows, taken when it is asked for: the environment's record (owner, branch,
/// commit, start and expiry, re-read so <c>-t:PreviewExtend</c> shows at once) and each resource's state and
/// health as the app host sees them now.
/// </summary>
internal sealed class EnvironmentDirectory(
    PreviewRuntime runtime,
    PreviewStateReporter reporter,
    PreviewGatewayRunner gateway,
    ResourceLimitsEnforcer limits) : IDirectorySource
{
    public DirectoryModel Describe()
    {
        var record = StateJson.TryRead<EnvironmentRecord>(Path.Combine(runtime.StateDirectory, StateFiles.Record));
        var addresses = gateway.Addresses;
        var linked = gateway.Services.ToHashSet(StringComparer.Ordinal);
        return new DirectoryModel
        {
            Environment = runtime.Name,
            App = record?.App,
            Profile = runtime.Profile,
            Branch = record?.Branch,
            Commit = record?.Commit,
            Owner = record?.Owner,
            StartedAt = record?.StartedAt,
            ExpiresAt = record?.ExpiresAt,
            Keep = record?.Keep ?? false,
            Ready = reporter.EnvironmentReady,
            DashboardUrl = addresses?.DashboardUrl ?? string.Empty,
            Resources = reporter.Current
                .Where(status => status.Name != Aspire.Hosting.ApplicationModel.PreviewGatewayResource.DefaultName)
                .Select(status => new DirectoryEntry(status.Name, addresses is not null && linked.Contains(status.Name) ? addresses.ServiceUrl(status.Name) : null, status.State, status.Health))
                .ToList(),
            Data = reporter.SeededData().Select(data => data.Describe()).ToList(),
            Limits = limits.Applied.Select(applied => $"{applied.Service}: {applied.Describe()}").ToList(),
        };
    }
}
