using PreviewSdk.Core.Generation;

namespace PreviewSdk.Core.Tests.Generation;

/// <summary>The Projects.* class names must be the ones Aspire's app host SDK generates, or the app host does not compile.</summary>
[TestClass]
public sealed class ProjectMetadataTypeNameTests
{
    [TestMethod]
    [DataRow("/repo/src/Shop.Api/Shop.Api.csproj", "Shop_Api")]
    [DataRow("/repo/src/ShopApi.csproj", "ShopApi")]
    [DataRow("/repo/src/Shop-Api.fsproj", "Shop_Api")]
    [DataRow("/repo/src/Shop Api.csproj", "Shop_Api")]
    [DataRow("/repo/src/1Password.Api.csproj", "_1Password_Api")]
    [DataRow("/repo/src/Shop.2Api.csproj", "Shop__2Api")]
    [DataRow("/repo/src/Shop.Api.V2.csproj", "Shop_Api_V2")]
    [DataRow("/repo/src/Café.csproj", "Café")]
    public void For_FollowsAspiresRule(string projectPath, string expected)
    {
        Assert.AreEqual(expected, ProjectMetadataTypeName.For(projectPath));
    }
}
