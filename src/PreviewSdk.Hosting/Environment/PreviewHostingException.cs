using PreviewSdk.Core.Diagnostics;

namespace Aspire.Hosting;

/// <summary>Builds exceptions whose message is a coded PreviewSdk diagnostic, worded as the MSBuild layer words it.</summary>
internal static class PreviewHostingException
{
    public static DistributedApplicationException Create(string code, params object?[] args)
    {
        var diagnostic = DiagnosticFactory.Create(code, SourceLocation.WholeFile(string.Empty), args);
        return new DistributedApplicationException($"{diagnostic.Code}: {diagnostic.Message}");
    }
}
