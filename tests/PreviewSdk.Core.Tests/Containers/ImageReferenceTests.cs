using PreviewSdk.Core.Containers;

namespace PreviewSdk.Core.Tests.Containers;

[TestClass]
public sealed class ImageReferenceTests
{
    [TestMethod]
    [DataRow("postgres:17", "docker.io", "library/postgres", "17")]
    [DataRow("redis:7", "docker.io", "library/redis", "7")]
    [DataRow("bitnami/redis:7.2.4", "docker.io", "bitnami/redis", "7.2.4")]
    [DataRow("ghcr.io/team/shop/postgres:17.2", "ghcr.io", "team/shop/postgres", "17.2")]
    [DataRow("localhost:5000/library/postgres:15", "localhost:5000", "library/postgres", "15")]
    [DataRow("localhost/library/redis:7", "localhost", "library/redis", "7")]
    public void TryParse_SplitsAsDockerDoes(string text, string registry, string repository, string tag)
    {
        Assert.IsTrue(ImageReference.TryParse(text, out var image));
        Assert.AreEqual(new ImageReference(registry, repository, tag), image);
    }

    [TestMethod]
    [DataRow("postgres")]
    [DataRow("Postgres:17")]
    [DataRow("postgres:")]
    [DataRow("postgres:17 ")]
    [DataRow("")]
    [DataRow("docker.io/library/postgres")]
    public void TryParse_RefusesNamesWithoutTagOrWithInvalidCharacters(string text) =>
        Assert.IsFalse(ImageReference.TryParse(text, out _));

    [TestMethod]
    public void WithRegistry_ReplacesOnlyTheRegistryPart()
    {
        ImageReference.TryParse("postgres:17", out var image);

        Assert.AreEqual("mirror.example.com/library/postgres:17", image.WithRegistry("mirror.example.com").ToString());
        Assert.AreEqual("localhost/library/postgres:17", image.WithRegistry("localhost/").ToString());
        Assert.AreEqual("docker.io/library/postgres:17", image.WithRegistry(null).ToString());
    }

    [TestMethod]
    [DataRow("mirror.example.com", true)]
    [DataRow("localhost:5000", true)]
    [DataRow("localhost", true)]
    [DataRow("registry.example.com/dockerhub-proxy", true)]
    [DataRow("https://mirror.example.com", false)]
    [DataRow("mirror example", false)]
    public void IsValidRegistry(string registry, bool valid) => Assert.AreEqual(valid, ImageReference.IsValidRegistry(registry));
}
