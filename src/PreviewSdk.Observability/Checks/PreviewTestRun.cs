using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Observability.Reports;

namespace PreviewSdk.Observability.Checks;

/// <summary>
/// <c>-t:PreviewTest</c>: runs every check of preview.yaml once against the running environment, reports one coded
/// error per failing check (PREVIEW6001–6004) and writes the JUnit report beside the environment's links.json.
/// </summary>
public sealed class PreviewTestRun(IPreviewReporter reporter)
{
    /// <summary>Which environment to test.</summary>
    /// <param name="StateRoot">The registry root.</param>
    /// <param name="ProjectPath">The preview project.</param>
    /// <param name="Name">The environment's name.</param>
    /// <param name="Manifest">preview.yaml, read (its <c>checks:</c>).</param>
    public sealed record Request(string StateRoot, string ProjectPath, string Name, PreviewManifest Manifest);

    /// <summary>Runs the checks; returns the path of the JUnit report, or null when the environment was not up.</summary>
    /// <remarks>Failing checks are reported as errors; the caller fails the build by them.</remarks>
    public async Task<string?> RunAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entry = new EnvironmentRegistry(request.StateRoot).Find(request.ProjectPath, request.Name);
        if (entry is null || !entry.IsAlive || entry.Links is not { } links)
        {
            reporter.Report(DiagnosticFactory.Create(
                DiagnosticCodes.TestEnvironmentNotRunning, SourceLocation.WholeFile(request.ProjectPath), request.Name, Path.GetFileName(request.ProjectPath)));
            return null;
        }

        var checks = request.Manifest.Checks.ToList();
        if (checks.Count == 0)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.NoChecks, DiagnosticSeverity.Warning, SourceLocation.WholeFile(request.Manifest.Path)));
        }

        using var client = CheckRunner.CreateClient(GatewayOf(entry));
        var results = await Task.WhenAll(checks.Select(check => RunAsync(client, links.Services, check, cancellationToken)));
        foreach (var result in results)
        {
            if (result.ToDiagnostic() is { } failure)
            {
                reporter.Report(failure);
            }
            else
            {
                reporter.Info($"  passed  {result.Check.FullName}  {result.Describe()}");
            }
        }

        var report = Path.Combine(entry.Folder, JUnitReport.FileName);
        try
        {
            JUnitReport.Write(report, $"{entry.Record.App}/{entry.Record.Name}", results,
            [
                new("environment", entry.Record.Name), new("app", entry.Record.App), new("profile", entry.Record.Profile),
            ]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.TestReportNotWritten, SourceLocation.WholeFile(request.ProjectPath), report, e.Message));
            return null;
        }

        var failed = results.Count(result => !result.Passed);
        reporter.Info($"Checks of preview '{entry.Record.Name}': {results.Length - failed} passed, {failed} failed. JUnit report: {report}");
        return report;
    }

    // The links are the gateway's: the checks go through it with the token, so they judge what a reviewer opens. An
    // environment whose ready report names no gateway (started before it existed) is reached at its links as they are.
    private static GatewayRoute? GatewayOf(EnvironmentEntry entry) =>
        entry.Ready?.GatewayEndpoint is { } endpoint
            ? new GatewayRoute(endpoint, entry.Record.Auth == GatewayAuth.Token ? AccessTokenFile.Read(entry.Folder) : null)
            : null;

    // A service without a link in this run (the environment was started before the check's service was added, say)
    // is a check without an answer, so the report still lists it.
    private static Task<CheckResult> RunAsync(HttpClient client, IReadOnlyList<Core.Links.ServiceLink> services, CheckEntry check, CancellationToken cancellationToken)
    {
        if (services.FirstOrDefault(service => service.Name == check.Service.Value) is { } link)
        {
            return CheckRunner.RunAsync(client, new Uri(link.Url), check, cancellationToken, link.Http2Only);
        }

        var url = new Uri(new Uri($"http://{check.Service.Value}/"), check.Path.Value);
        return Task.FromResult(new CheckResult(check, url, CheckOutcome.NoAnswer, TimeSpan.Zero, DateTimeOffset.UtcNow)
        {
            Error = $"the running environment has no HTTP link for '{check.Service.Value}'; start it anew with -t:Preview -p:PreviewRecreate=true",
        });
    }
}
