using System.Net;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Sharing;
using PreviewSdk.Core.Tests.Diagnostics;

namespace PreviewSdk.Core.Tests.Sharing;

[TestClass]
public sealed class GatewaySettingsReaderTests
{
    private const string Project = "/src/Shop.Preview/Shop.Preview.csproj";

    [TestMethod]
    public void Nothing_GivesTheDefaults_LocalhostOnTheLoopbackWithTokenAndAFreePort()
    {
        var settings = Read(new GatewaySettingsText(), out var diagnostics);

        Assert.IsEmpty(diagnostics);
        Assert.AreEqual(("localhost", IPAddress.Loopback, (int?)null, GatewayAuth.Token, (Uri?)null), (settings!.Domain, settings.BindAddress, settings.Port, settings.Auth, settings.PublicUrl));
        Assert.IsFalse(settings.IsSharedOnNetwork);
    }

    [TestMethod]
    public void EverySetting_IsRead()
    {
        var settings = Read(new GatewaySettingsText
        {
            Domain = "Preview.Example.com.",
            BindAddress = "0.0.0.0",
            Port = "7400",
            Auth = "None",
            TrustedProxies = "10.0.0.5; 192.168.1.0/24,fd00::/8",
        }, out var diagnostics);

        Assert.IsEmpty(diagnostics, DiagnosticAssert.Describe(diagnostics));
        Assert.AreEqual(("preview.example.com", IPAddress.Any, (int?)7400, GatewayAuth.None), (settings!.Domain, settings.BindAddress, settings.Port, settings.Auth));
        Assert.IsTrue(settings.IsSharedOnNetwork);
        CollectionAssert.AreEqual(new[] { "10.0.0.5/32", "192.168.1.0/24", "fd00::/8" }, settings.TrustedProxies.Select(network => network.ToString()).ToArray());
    }

    [TestMethod]
    public void APublicUrl_GivesTheDomain_AndAnEqualDomainIsFine()
    {
        var settings = Read(new GatewaySettingsText { PublicUrl = "https://Preview.Example.com", Domain = "preview.example.com" }, out var diagnostics);

        Assert.IsEmpty(diagnostics, DiagnosticAssert.Describe(diagnostics));
        Assert.AreEqual("preview.example.com", settings!.Domain);
        Assert.AreEqual("https", settings.PublicUrl!.Scheme);
    }

    [TestMethod]
    [DataRow("not a host", DisplayName = "spaces")]
    [DataRow("-bad.example.com", DisplayName = "leading hyphen")]
    [DataRow("a..b", DisplayName = "empty label")]
    [DataRow("10.0.0.1", DisplayName = "an address")]
    [DataRow("shop_preview.example.com", DisplayName = "underscore")]
    public void ADomainThatIsNoHostName_Is1040(string domain)
    {
        Read(new GatewaySettingsText { Domain = domain }, out var diagnostics);

        var diagnostic = DiagnosticAssert.Single(diagnostics, DiagnosticCodes.InvalidGatewayDomain);
        DiagnosticAssert.At(diagnostic, Project, 0, 0);
        StringAssert.Contains(diagnostic.Message, $"'{domain}'");
    }

    [TestMethod]
    [DataRow("localhost")]
    [DataRow("1")]
    [DataRow("10.1")]
    [DataRow("256.0.0.1")]
    public void ABindAddressThatIsNoAddress_Is1041(string address)
    {
        Read(new GatewaySettingsText { BindAddress = address }, out var diagnostics);

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.InvalidBindAddress);
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("65536")]
    [DataRow("-1")]
    [DataRow("80a")]
    public void APortOutOfRange_Is1042(string port)
    {
        Read(new GatewaySettingsText { Port = port }, out var diagnostics);

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.InvalidGatewayPort);
    }

    [TestMethod]
    public void AnAuthOtherThanTokenOrNone_Is1044()
    {
        Read(new GatewaySettingsText { Auth = "basic" }, out var diagnostics);

        StringAssert.Contains(DiagnosticAssert.Single(diagnostics, DiagnosticCodes.InvalidAuthMode).Message, "'basic'");
    }

    [TestMethod]
    public void EveryBadTrustedProxy_Is1045_EachNamed()
    {
        Read(new GatewaySettingsText { TrustedProxies = "10.0.0.5;proxy.local;10.0.0.1/8;10.0.0.0/33" }, out var diagnostics);

        CollectionAssert.AreEqual(
            new[] { "proxy.local", "10.0.0.1/8", "10.0.0.0/33" },
            diagnostics.Where(diagnostic => diagnostic.Code == DiagnosticCodes.InvalidTrustedProxy).Select(diagnostic => diagnostic.Message.Split('\'')[1]).ToArray(),
            DiagnosticAssert.Describe(diagnostics));
    }

    [TestMethod]
    [DataRow("preview.example.com")]
    [DataRow("ftp://preview.example.com")]
    [DataRow("https://preview.example.com/some/path")]
    [DataRow("https://preview.example.com/?q=1")]
    [DataRow("https://user@preview.example.com")]
    [DataRow("https://10.0.0.1")]
    public void APublicUrlThatIsNoBaseAddress_Is1046(string url)
    {
        Read(new GatewaySettingsText { PublicUrl = url }, out var diagnostics);

        DiagnosticAssert.Single(diagnostics, DiagnosticCodes.InvalidPublicUrl);
    }

    [TestMethod]
    public void ADomainOtherThanThePublicUrls_Is1047()
    {
        Read(new GatewaySettingsText { PublicUrl = "https://preview.example.com", Domain = "other.example.com" }, out var diagnostics);

        StringAssert.Contains(DiagnosticAssert.Single(diagnostics, DiagnosticCodes.DomainConflictsWithPublicUrl).Message, "'preview.example.com'");
    }

    [TestMethod]
    public void EveryWrongValue_IsReportedAtOnce()
    {
        var settings = Read(new GatewaySettingsText { Domain = "a b", BindAddress = "x", Port = "0", Auth = "x", TrustedProxies = "x", PublicUrl = "x" }, out var diagnostics);

        Assert.IsNull(settings);
        CollectionAssert.AreEquivalent(
            new[] { "PREVIEW1040", "PREVIEW1041", "PREVIEW1042", "PREVIEW1044", "PREVIEW1045", "PREVIEW1046" },
            diagnostics.Select(diagnostic => diagnostic.Code).ToArray());
    }

    [TestMethod]
    public void HostNamesLongerThanDnsAllows_Are1048()
    {
        var diagnostics = new DiagnosticBag();
        var longDomain = string.Join('.', Enumerable.Repeat(new string('d', 60), 4));

        Assert.IsTrue(GatewaySettingsReader.CheckHostNames(new GatewaySettings(), "main", ["shop-api"], SourceLocation.WholeFile(Project), diagnostics));
        Assert.IsFalse(GatewaySettingsReader.CheckHostNames(new GatewaySettings { Domain = longDomain }, "main", ["shop-api"], SourceLocation.WholeFile(Project), diagnostics));
        StringAssert.Contains(DiagnosticAssert.Single([.. diagnostics], DiagnosticCodes.GatewayHostNameTooLong).Message, "-p:PreviewName=");
    }

    [TestMethod]
    public void TheVariables_CarryTheSettingsToTheAppHost()
    {
        var settings = Read(new GatewaySettingsText { PublicUrl = "https://preview.example.com:8443", BindAddress = "0.0.0.0", Port = "7400", Auth = "none", TrustedProxies = "10.0.0.0/8" }, out _)!;

        var variables = settings.ToVariables();
        var again = GatewaySettingsReader.Read(GatewaySettingsText.FromVariables(name => variables.GetValueOrDefault(name)), SourceLocation.WholeFile(Project), new DiagnosticBag());

        Assert.AreEqual(settings.ToVariables().Count, again!.ToVariables().Count);
        CollectionAssert.AreEqual(variables.ToArray(), again.ToVariables().ToArray());
        Assert.AreEqual("none", variables[PreviewVariables.GatewayAuth]);
    }

    private static GatewaySettings? Read(GatewaySettingsText text, out IReadOnlyList<PreviewDiagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var settings = GatewaySettingsReader.Read(text, SourceLocation.WholeFile(Project), bag);
        diagnostics = [.. bag];
        return settings;
    }
}
