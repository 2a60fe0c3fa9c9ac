using System.Net;
using Docker.DotNet;
using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Tests.Containers;

/// <summary>What PREVIEW3034 says when the engine refuses to list: its answer, and for Podman's stuck removal the command that unblocks it.</summary>
[TestClass]
public sealed class ListRefusedTests
{
    [TestMethod]
    public void PodmansContainerNotKnown_NamesTheStuckRemovalAndItsFix()
    {
        // The answer Podman 4.3 gives to every list while a container is stuck in "Removing".
        var refusal = new DockerApiException(HttpStatusCode.InternalServerError, "{\"cause\":\"no such container\",\"message\":\"container 3f2a9c not known\",\"response\":500}");

        var text = EnvironmentContainers.ListRefused("unix:///run/podman/podman.sock", refusal);

        StringAssert.StartsWith(text, "the engine at unix:///run/podman/podman.sock could not list them: {\"cause\":\"no such container\"");
        StringAssert.Contains(text, "stuck in the Removing state");
        StringAssert.Contains(text, "podman rm -f <id>");
    }

    [TestMethod]
    public void AnyOtherRefusal_IsTheEnginesAnswerAlone()
    {
        var refusal = new DockerApiException(HttpStatusCode.Forbidden, " permission denied \n");

        Assert.AreEqual("the engine at unix:///var/run/docker.sock could not list them: permission denied",
            EnvironmentContainers.ListRefused("unix:///var/run/docker.sock", refusal));
    }
}
