using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using PreviewSdk.Core.Environments;

namespace Aspire.Hosting;

/// <summary>
/// Gives Aspire's orchestrator (DCP) the certificate of its API server instead of letting it make one.
/// </summary>
/// <remarks>
/// DCP serves the API the app host drives it through over HTTPS on the loopback, and without a certificate it makes
/// an ephemeral self-signed one at every start, with an RSA key: 0.8 to 3.9 s of one core here (a random search for
/// primes), before it even listens, on the path to every environment's links and competing for the CPU with the
/// environments starting beside it. Given a certificate (<c>--tls-cert-file</c>, <c>--tls-key-file</c>) it listens
/// within milliseconds. Aspire 13.6 passes DCP no such arguments and has no option for them, but it takes the path of
/// the DCP program from configuration (<c>DcpPublisher:CliPath</c>): that path is set to a small script that adds the
/// two arguments to <c>dcp start-apiserver</c> and runs every other command of the real DCP unchanged. The certificate
/// is this environment's own (an ECDSA P-256 key, made in about a millisecond), written to its state folder readable
/// by its owner only; DCP writes it into the kubeconfig as the trust anchor, as it does with its own.
/// See docs/architecture.md ("The orchestrator's certificate").
/// </remarks>
public static class OrchestratorCertificate
{
    /// <summary>The assembly metadata key under which Aspire's app host SDK records the path of DCP.</summary>
    public const string DcpPathMetadataKey = "dcpclipath";

    /// <summary>The configuration key of the path of DCP Aspire runs.</summary>
    public const string CliPathKey = "DcpPublisher:CliPath";

    // The script's second line, by which a path that is already the script is recognised.
    private const string Marker = "PreviewSdk orchestrator certificate";

    // Aspire's own override of where DCP is (a bundle); a path set there is left alone.
    private const string BundlePathKey = "ASPIRE_DCP_PATH";

    /// <summary>
    /// Writes the certificate, its key and the script into <paramref name="folder"/> and points
    /// <paramref name="configuration"/>'s <see cref="CliPathKey"/> at the script; returns the script's path, or null
    /// when it left DCP as it was (Windows, no DCP path known, DCP not where it is said to be, or a bundle path set).
    /// </summary>
    /// <param name="configuration">The app host builder's configuration.</param>
    /// <param name="folder">A folder of the environment's own (created when missing).</param>
    /// <param name="entryAssembly">The app host's assembly, which carries the SDK's metadata.</param>
    public static string? Install(IConfiguration configuration, string folder, Assembly? entryAssembly)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (OperatingSystem.IsWindows() || !string.IsNullOrEmpty(configuration[BundlePathKey]))
        {
            return null;
        }

        var dcp = configuration[CliPathKey];
        if (string.IsNullOrEmpty(dcp))
        {
            dcp = entryAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(attribute => string.Equals(attribute.Key, DcpPathMetadataKey, StringComparison.OrdinalIgnoreCase))?.Value;
        }

        if (string.IsNullOrEmpty(dcp) || !File.Exists(dcp) || IsOurScript(dcp))
        {
            return null;
        }

        Directory.CreateDirectory(folder);
        var certificate = Path.Combine(folder, "dcp-server.crt");
        var key = Path.Combine(folder, "dcp-server.key");
        WriteCertificate(certificate, key);
        var script = WriteScript(folder, dcp, certificate, key);
        configuration[CliPathKey] = script;
        return script;
    }

    /// <summary>
    /// Writes a self-signed certificate for the loopback (<c>127.0.0.1</c>, <c>localhost</c>) and its private key
    /// (PKCS#8), both PEM and readable by the owner only; valid from five minutes ago for a year.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void WriteCertificate(string certificatePath, string keyPath)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        // Its own trust anchor: DCP writes the served certificate into the kubeconfig as the authority to trust.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        StateJson.WritePrivateText(keyPath, key.ExportPkcs8PrivateKeyPem());
        StateJson.WritePrivateText(certificatePath, certificate.ExportCertificatePem());
    }

    private static string WriteScript(string folder, string dcp, string certificate, string key)
    {
        var script = Path.Combine(folder, "dcp");
        var text = $"""
            #!/bin/sh
            # {Marker}: the orchestrator's API server gets this environment's certificate instead of making one
            # (see OrchestratorCertificate); every other command runs unchanged. DCP's own Go runtime settings
            # (see OrchestratorGoRuntime), where the app host's environment has none.
            {OrchestratorGoRuntime.ScriptLines()}
            if [ "$1" = start-apiserver ]; then
                exec {Quote(dcp)} "$@" --tls-cert-file {Quote(certificate)} --tls-key-file {Quote(key)}
            fi
            exec {Quote(dcp)} "$@"

            """;
        // Replaced whole: a start of the same folder may run the script while another rewrites it.
        StateJson.WriteText(script, text, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    // A path that is already this script (an app host started again with the configuration it set) must not wrap itself.
    private static bool IsOurScript(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[256];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read).Contains(Marker, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    // Single quotes for sh: nothing inside is expanded; a single quote itself is closed, escaped and reopened.
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
