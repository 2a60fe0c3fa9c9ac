using PreviewSdk.EndToEnd.Tests.Infrastructure;

namespace PreviewSdk.EndToEnd.Tests;

/// <summary>Builds the Shop sample once per run, so that each test's <c>-t:Preview</c> only starts it.</summary>
[TestClass]
public static class AssemblySetup
{
    [AssemblyInitialize]
    public static void BuildShopSample(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = DotnetCli.Run(Repository.Root, ["build", Repository.ShopPreviewProject], TimeSpan.FromMinutes(10));
        context.WriteLine(result.Summary);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
    }
}
