using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace PreviewSdk.Core.Sharing;

/// <summary>The warnings every <c>-t:Preview</c> output carries for an environment without authentication.</summary>
internal static class SharingWarnings
{
    public static void Report(IPreviewReporter reporter, EnvironmentRecord record, EnvironmentLinks links, string projectPath)
    {
        if (record.Auth != GatewayAuth.None)
        {
            return;
        }

        var location = SourceLocation.WholeFile(projectPath);
        reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.AuthDisabled, DiagnosticSeverity.Warning, location, record.Name, links.Directory));
        if (record.GatewayBindAddress is { } bind && System.Net.IPAddress.TryParse(bind, out var address) && !System.Net.IPAddress.IsLoopback(address))
        {
            reporter.Report(DiagnosticFactory.Create(DiagnosticCodes.AuthDisabledOnNetwork, DiagnosticSeverity.Warning, location, record.Name, bind));
        }
    }
}
