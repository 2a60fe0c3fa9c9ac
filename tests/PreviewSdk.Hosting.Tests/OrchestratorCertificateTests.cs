using System.Diagnostics;
using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting;
using Microsoft.Extensions.Configuration;
using PreviewSdk.Core.Binaries;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// The certificate the app host gives Aspire's orchestrator (DCP) for its API server, through a script Aspire runs as
/// DCP: the script's arguments against a stand-in program that records them, and the real DCP of the test app host's
/// Aspire serving the certificate.
/// </summary>
[TestClass]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class OrchestratorCertificateTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Install_PointsAspireAtAScript_ThatAddsTheCertificateToStartApiserverOnly()
    {
        using var folder = new TempFolder();
        var recorded = Path.Combine(folder.Path, "arguments");
        var recorder = await WriteStandInAsync(folder, $"for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{recorded}'");
        var configuration = new ConfigurationManager();
        configuration[OrchestratorCertificate.CliPathKey] = recorder;
        var orchestrator = Path.Combine(folder.Path, "orchestrator");

        var script = OrchestratorCertificate.Install(configuration, orchestrator, entryAssembly: null);

        Assert.IsNotNull(script);
        Assert.AreEqual(script, configuration[OrchestratorCertificate.CliPathKey], "Aspire runs the script as DCP.");
        var certificate = Path.Combine(orchestrator, "dcp-server.crt");
        var key = Path.Combine(orchestrator, "dcp-server.key");
        await RunAsync(script, "start-apiserver", "--monitor", "1", "--kubeconfig", "/k config");
        CollectionAssert.AreEqual(
            new[] { "start-apiserver", "--monitor", "1", "--kubeconfig", "/k config", "--tls-cert-file", certificate, "--tls-key-file", key },
            (await File.ReadAllLinesAsync(recorded, TestContext.CancellationToken)).ToArray());
        await RunAsync(script, "info", "--container-runtime", "podman");
        CollectionAssert.AreEqual(new[] { "info", "--container-runtime", "podman" }, (await File.ReadAllLinesAsync(recorded, TestContext.CancellationToken)).ToArray(), "Anything else runs unchanged.");

        // Started again with the configuration it set (the script as DCP), it does not wrap itself.
        Assert.IsNull(OrchestratorCertificate.Install(configuration, orchestrator, entryAssembly: null));
        Assert.AreEqual(script, configuration[OrchestratorCertificate.CliPathKey]);
    }

    [TestMethod]
    public async Task Script_GivesDcpItsGoSettings_UnlessTheAppHostsEnvironmentHasThem()
    {
        using var folder = new TempFolder();
        var recorded = Path.Combine(folder.Path, "variables");
        var recorder = await WriteStandInAsync(folder, $"printf 'GOGC=%s GOMAXPROCS=%s\\n' \"$GOGC\" \"$GOMAXPROCS\" > '{recorded}'");
        var configuration = new ConfigurationManager { [OrchestratorCertificate.CliPathKey] = recorder };
        var script = OrchestratorCertificate.Install(configuration, Path.Combine(folder.Path, "orchestrator"), entryAssembly: null)!;

        await RunAsync(script, new Dictionary<string, string> { ["GOGC"] = string.Empty, ["GOMAXPROCS"] = string.Empty }, "start-apiserver");
        Assert.AreEqual("GOGC=25 GOMAXPROCS=1", (await File.ReadAllTextAsync(recorded, TestContext.CancellationToken)).Trim());
        await RunAsync(script, new Dictionary<string, string> { ["GOGC"] = "200", ["GOMAXPROCS"] = string.Empty }, "info");
        Assert.AreEqual("GOGC=200 GOMAXPROCS=1", (await File.ReadAllTextAsync(recorded, TestContext.CancellationToken)).Trim(), "A value the app host has wins.");
    }

    [TestMethod]
    public void Install_LeavesDcpAlone_WhenItsPathIsUnknownOrMissing_OrABundleIsConfigured()
    {
        using var folder = new TempFolder();
        var nowhere = new ConfigurationManager();
        Assert.IsNull(OrchestratorCertificate.Install(nowhere, folder.Path, entryAssembly: typeof(OrchestratorCertificateTests).Assembly), "No DCP path in this assembly's metadata.");
        var missing = new ConfigurationManager { [OrchestratorCertificate.CliPathKey] = Path.Combine(folder.Path, "no-dcp") };
        Assert.IsNull(OrchestratorCertificate.Install(missing, folder.Path, entryAssembly: null));
        var bundle = new ConfigurationManager { ["ASPIRE_DCP_PATH"] = folder.Path, [OrchestratorCertificate.CliPathKey] = "/bin/true" };
        Assert.IsNull(OrchestratorCertificate.Install(bundle, folder.Path, entryAssembly: null));
        Assert.AreEqual("/bin/true", bundle[OrchestratorCertificate.CliPathKey]);
    }

    [TestMethod]
    public void Certificate_IsForTheLoopback_ItsOwnAnchor_AndReadableByTheOwnerOnly()
    {
        using var folder = new TempFolder();
        var certificatePath = Path.Combine(folder.Path, "c.crt");
        var keyPath = Path.Combine(folder.Path, "c.key");

        OrchestratorCertificate.WriteCertificate(certificatePath, keyPath);

        using var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        Assert.IsTrue(certificate.HasPrivateKey, "The key is the certificate's.");
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        CollectionAssert.Contains(names.EnumerateIPAddresses().Select(address => address.ToString()).ToList(), "127.0.0.1");
        CollectionAssert.Contains(names.EnumerateDnsNames().ToList(), "localhost");
        Assert.IsTrue(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.IsGreaterThan(DateTime.Now.AddDays(300), certificate.NotAfter);
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificatePath));
    }

    [TestMethod]
    public async Task RealOrchestrator_ServesTheEnvironmentsCertificate()
    {
        // The DCP of the Aspire the test app host is built with, as Aspire finds it.
        var appHost = Assembly.Load("PreviewSdk.Hosting.TestHost");
        using var folder = new TempFolder();
        var configuration = new ConfigurationManager();
        var script = OrchestratorCertificate.Install(configuration, Path.Combine(folder.Path, "orchestrator"), appHost);
        Assert.IsNotNull(script, "The test app host carries Aspire's DCP path.");
        using var expected = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(folder.Path, "orchestrator", "dcp-server.crt"), TestContext.CancellationToken));

        // DCP ends when the process it monitors does.
        using var monitored = Process.Start(new ProcessStartInfo("sleep", "120"))!;
        var kubeconfig = Path.Combine(folder.Path, "kubeconfig");
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "start-apiserver", "--monitor", monitored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--kubeconfig", kubeconfig })
        {
            start.ArgumentList.Add(argument);
        }

        using var dcp = Process.Start(start)!;
        var output = dcp.StandardOutput.ReadToEndAsync(TestContext.CancellationToken);
        var error = dcp.StandardError.ReadToEndAsync(TestContext.CancellationToken);
        try
        {
            var server = await WaitForServerAsync(kubeconfig, dcp);
            X509Certificate2? served = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                {
                    served = certificate is null ? null : new X509Certificate2(certificate);
                    return true;
                },
            };
            using var client = new HttpClient(handler);
            using var response = await client.GetAsync(new Uri(server, "/apis"), TestContext.CancellationToken);

            Assert.IsNotNull(served, "DCP answered over TLS.");
            Assert.AreEqual(expected.Thumbprint, served.Thumbprint, "DCP serves the environment's certificate, not one it made.");
            StringAssert.Contains(await File.ReadAllTextAsync(kubeconfig, TestContext.CancellationToken),
                Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(await File.ReadAllTextAsync(Path.Combine(folder.Path, "orchestrator", "dcp-server.crt"), TestContext.CancellationToken))),
                "The kubeconfig Aspire reads trusts it.");
        }
        finally
        {
            monitored.Kill();
            if (!dcp.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                dcp.Kill(entireProcessTree: true);
            }

            await Task.WhenAll(output, error);
        }
    }

    private async Task<Uri> WaitForServerAsync(string kubeconfig, Process dcp)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until && !dcp.HasExited)
        {
            if (File.Exists(kubeconfig)
                && (await File.ReadAllLinesAsync(kubeconfig, TestContext.CancellationToken)).Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("server: ", StringComparison.Ordinal)) is { } line)
            {
                return new Uri(line["server: ".Length..]);
            }

            await Task.Delay(50, TestContext.CancellationToken);
        }

        Assert.Fail($"DCP wrote no kubeconfig (exited: {dcp.HasExited}).");
        return null!;
    }

    // A stand-in for the real DCP, a shell script of one line that records what it was run with.
    private async Task<string> WriteStandInAsync(TempFolder folder, string line)
    {
        var standIn = Path.Combine(folder.Path, "real dcp");
        await File.WriteAllTextAsync(standIn, $"#!/bin/sh\n{line}\n", TestContext.CancellationToken);
        File.SetUnixFileMode(standIn, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return standIn;
    }

    private static Task RunAsync(string program, params string[] arguments) => RunAsync(program, environment: null, arguments);

    private static async Task RunAsync(string program, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var result = await ExternalProgram.RunAsync(program, arguments, workingDirectory: null, CancellationToken.None, environment);
        Assert.AreEqual(0, result.ExitCode, result.Output);
    }
}
