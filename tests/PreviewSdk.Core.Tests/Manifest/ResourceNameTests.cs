using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Core.Tests.Manifest;

[TestClass]
public sealed class ResourceNameTests
{
    [TestMethod]
    [DataRow("/repo/src/Shop.Api/Shop.Api.csproj", "shop-api")]
    [DataRow("/repo/src/ShopApi.csproj", "shopapi")]
    [DataRow("/repo/src/shop_api.csproj", "shop-api")]
    [DataRow("/repo/src/Shop Api.csproj", "shop-api")]
    [DataRow("/repo/src/Shop..Api__Worker.csproj", "shop-api-worker")]
    [DataRow("/repo/src/.Shop._Api_.csproj", "shop-api")]
    [DataRow("/repo/src/Shop-Api.fsproj", "shop-api")]
    [DataRow("/repo/src/Shop.Api.V2.csproj", "shop-api-v2")]
    [DataRow("/repo/src/1Password.Api.csproj", "1password-api")]
    [DataRow("/repo/src/Café.csproj", "café")]
    public void FromProjectPath_DerivesTheServiceName(string projectPath, string expected)
    {
        Assert.AreEqual(expected, ResourceName.FromProjectPath(projectPath));
    }

    [TestMethod]
    [DataRow("shop")]
    [DataRow("shop-api")]
    [DataRow("a")]
    [DataRow("a1-b2")]
    [DataRow("abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefgh")] // 63
    public void IsValid_AcceptsNames(string name)
    {
        Assert.IsTrue(ResourceName.IsValid(name), name);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("Shop")]
    [DataRow("1shop")]
    [DataRow("-shop")]
    [DataRow("shop-")]
    [DataRow("shop--api")]
    [DataRow("shop_api")]
    [DataRow("shop.api")]
    [DataRow("shop api")]
    [DataRow("shop\n")]
    [DataRow("café")]
    [DataRow("abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghi")] // 64
    public void IsValid_RejectsNames(string name)
    {
        Assert.IsFalse(ResourceName.IsValid(name), name);
    }

    [TestMethod]
    public void IsValid_RejectsNull()
    {
        Assert.IsFalse(ResourceName.IsValid(null));
    }

    [TestMethod]
    public void Normalize_LeavesAValidNameUnchanged()
    {
        Assert.AreEqual("shop-preview", ResourceName.Normalize("shop-preview"));
        Assert.AreEqual("shop-preview", ResourceName.Normalize("Shop.Preview"));
    }
}
