using System.Diagnostics;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Cli.AppHosts;

/// <summary>
/// Asks the app host for its model the way Aspire's own tooling does: <c>dotnet run --project &lt;app host&gt; --
/// --publisher manifest --output-path &lt;file&gt;</c>. In publish mode the app host builds its model and writes it
/// out, and starts nothing: no orchestrator, no container, no service.
/// </summary>
internal static class ManifestPublisher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The manifest's text and its folder (project paths in it are relative to it), or the coded error.</summary>
    public static (string? Json, string Folder, PreviewDiagnostic? Error) Publish(string appHost, Action<string> progress)
    {
        var folder = Directory.CreateTempSubdirectory("previewsdk-init-").FullName;
        var output = Path.Combine(folder, "aspire-manifest.json");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Path.GetDirectoryName(appHost)!,
            };
            foreach (var argument in new[] { "run", "--project", appHost, "--", "--publisher", "manifest", "--output-path", output })
            {
                start.ArgumentList.Add(argument);
            }

            progress($"Reading the model of {Path.GetFileName(appHost)} (dotnet run -- --publisher manifest; builds it, starts nothing)...");
            using var process = Process.Start(start)!;
            var lines = new List<string>();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lines) { lines.Add(e.Data); } } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                var log = Path.Combine(folder, "output.log");
                File.WriteAllLines(log, lines);
                return (null, folder, DiagnosticFactory.Create(DiagnosticCodes.InitManifestFailed, SourceLocation.WholeFile(appHost), $"dotnet run -- --publisher manifest exited with code {process.ExitCode}") with
                {
                    Details = LogTail.Read(log),
                });
            }

            return (File.ReadAllText(output), folder, null);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder; the machine's clean-up takes it.
            }
        }
    }
}
