using System.Net;
using System.Net.Sockets;

namespace PreviewSdk.Sdk.Tests;

/// <summary>The gateway's properties, checked by <c>-t:Preview</c> before anything starts; and rotation without an environment.</summary>
[TestClass]
public sealed class PreviewGatewayPropertiesTests
{
    private static TestWorkspace Workspace => TestWorkspace.Current;

    [TestMethod]
    public void Preview_EveryWrongGatewayProperty_IsReportedAtOnce_OnTheProject_BeforeAnythingStarts()
    {
        var project = ServiceProject("Gateway.Preview");

        var result = Workspace.Build(project, "-t:Preview",
            "-p:PreviewDomain=not_a_domain", "-p:PreviewBindAddress=localhost", "-p:PreviewGatewayPort=70000",
            "-p:PreviewAuth=basic", "-p:PreviewTrustedProxies=proxy.internal", "-p:PreviewPublicUrl=https://example.com/previews");

        Assert.AreNotEqual(0, result.ExitCode, result.Describe());
        CollectionAssert.AreEquivalent(
            new[] { "PREVIEW1040", "PREVIEW1041", "PREVIEW1042", "PREVIEW1044", "PREVIEW1045", "PREVIEW1046" },
            result.Errors.Select(error => error.Code).Distinct().ToList(),
            result.Describe());
        Assert.IsTrue(result.Errors.All(error => (error.File, error.Line, error.Column) == (project, 0, 0)), result.Describe());
        Assert.IsTrue(result.Errors.Any(error => error.Message.StartsWith("The property PreviewBindAddress is 'localhost', which is not an IP address.", StringComparison.Ordinal)), result.Describe());
        Workspace.AssertNothingStarted(project);
    }

    [TestMethod]
    public void Preview_AGatewayPortInUse_IsPreview1043_AndNothingStarts()
    {
        var project = ServiceProject("GatewayPort.Preview");
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var result = Workspace.Build(project, "-t:Preview", $"-p:PreviewGatewayPort={port}", "-p:PreviewName=busy");

        var error = result.AssertSingleError("PREVIEW1043");
        Assert.AreEqual(project, error.File, result.Describe());
        Assert.StartsWith($"The gateway port {port} is already in use on 127.0.0.1, so preview 'busy' cannot listen on it.", error.Message);
        Workspace.AssertNothingStarted(project, emptyLocksFolderAllowed: true);
    }

    [TestMethod]
    public void PreviewRotateToken_WithoutARunningEnvironment_IsPreview5004()
    {
        var project = ServiceProject("Rotate.Preview");

        var result = Workspace.Build(project, "-t:PreviewRotateToken", "-p:PreviewName=absent");

        var error = result.AssertSingleError("PREVIEW5004");
        Assert.StartsWith("Preview 'absent' of Rotate.Preview.csproj is not running, so it has no token to rotate.", error.Message);
        Workspace.AssertNothingStarted(project, emptyLocksFolderAllowed: true);
    }

    private static string ServiceProject(string name)
    {
        var from = Path.Combine(Workspace.Root, name, name + ".csproj");
        return Workspace.PreviewProject(name, $"""
              <ItemGroup>
            {TestWorkspace.Reference(from, Workspace.WebService)}
              </ItemGroup>
            """, "app: demo\n");
    }
}
