using System.Diagnostics;
using System.Net;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace PreviewSdk.Core.Sharing;

/// <summary>
/// <c>-t:PreviewRotateToken</c>: a new access token for a running environment. The old token, the links carrying it
/// and every cookie it got stop working at once: the gateway follows the token file, and the rotation waits until
/// the gateway refuses the old token before it reports success. The new links are written and printed.
/// </summary>
public sealed class TokenRotation(IPreviewReporter reporter)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Rotates the token of environment <paramref name="name"/> of <paramref name="projectPath"/>; false after reporting an error.</summary>
    public bool Rotate(string stateRoot, string projectPath, string name, CancellationToken cancellationToken = default)
    {
        var registry = new EnvironmentRegistry(stateRoot);
        RegistrySweep.Run(registry, DateTimeOffset.UtcNow, reporter);
        var location = SourceLocation.WholeFile(projectPath);
        var entries = registry.List().Where(entry => PreviewLifecycle.IsOf(entry, projectPath, name)).ToList();
        if (entries.Count == 0)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.RotateEnvironmentNotRunning, location, name, Path.GetFileName(projectPath)));
            return false;
        }

        var rotated = true;
        foreach (var found in entries)
        {
            using var environmentLock = PreviewLifecycle.TryLock(reporter, registry, found.Record.App, name);
            if (environmentLock is null)
            {
                return false;
            }

            rotated &= RotateOne(found, location, cancellationToken);
        }

        return rotated;
    }

    private bool RotateOne(EnvironmentEntry entry, SourceLocation location, CancellationToken cancellationToken)
    {
        var record = entry.Record;
        if (record.Auth == GatewayAuth.None)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.RotateWithoutAuth, location, record.Name));
            return false;
        }

        if (!entry.IsAlive || entry.Ready is not { GatewayEndpoint: { } endpoint } || entry.Links is not { } links)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.RotateEnvironmentNotRunning, location, record.Name, Path.GetFileName(record.ProjectPath ?? location.File)));
            return false;
        }

        var oldToken = AccessTokenFile.Read(entry.Folder);
        var newToken = AccessTokenFile.Issue(entry.Folder);
        var rotatedLinks = EnvironmentLinks.Update(entry.Folder, current => current.WithToken(newToken)) ?? links.WithToken(newToken);
        if (oldToken is not null && !GatewayRefuses(endpoint, new Uri(links.Directory).Host, oldToken, cancellationToken))
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.RotationNotApplied, location, record.Name, Patience.TotalSeconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)));
            return false;
        }

        reporter.Info(LinksRenderer.RenderTable(BuildLogLinks.ForLog(rotatedLinks), "has a new access token: the old links and cookies no longer open it"));
        reporter.Info(BuildLogLinks.WhereKept(Path.Combine(entry.Folder, StateFiles.LinksJson), rotatedLinks));
        return true;
    }

    // Asks the running gateway with the old token until it answers 401: then the rotation has taken effect.
    private static bool GatewayRefuses(string endpoint, string host, string oldToken, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Patience)
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, $"http://{endpoint}/");
            request.Headers.Host = host;
            request.Headers.Add("X-Preview-Token", oldToken);
            try
            {
                using var response = client.Send(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // The gateway is gone: nothing accepts the old token.
                return true;
            }

            Thread.Sleep(100);
        }

        return false;
    }
}
