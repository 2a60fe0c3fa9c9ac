using PreviewSdk.Core.Limits;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Tests.Limits;

[TestClass]
public sealed class DotnetLimitVariablesTests
{
    [TestMethod]
    public void For_GivesWholeProcessorsAndThreeQuartersOfTheMemoryAsHexadecimalHeapLimit()
    {
        var variables = DotnetLimitVariables.For(new ResourceLimits(0.5, 512L * 1024 * 1024));

        CollectionAssert.AreEqual(
            new[] { new KeyValuePair<string, string>("DOTNET_PROCESSOR_COUNT", "1"), new KeyValuePair<string, string>("DOTNET_GCHeapHardLimit", "0x18000000") },
            variables.ToArray());
        Assert.AreEqual(384L * 1024 * 1024, Convert.ToInt64(variables[1].Value, 16));
    }

    [TestMethod]
    public void For_SetsOnlyWhatIsLimited()
    {
        CollectionAssert.AreEqual(new[] { new KeyValuePair<string, string>("DOTNET_PROCESSOR_COUNT", "3") }, DotnetLimitVariables.For(new ResourceLimits(2.5, null)).ToArray());
        Assert.IsEmpty(DotnetLimitVariables.For(ResourceLimits.None));
    }

    [TestMethod]
    public void Describe_ShowsTheHeapLimitInBinaryUnits()
    {
        Assert.AreEqual("DOTNET_PROCESSOR_COUNT=1, DOTNET_GCHeapHardLimit=384 MiB", DotnetLimitVariables.Describe(new ResourceLimits(0.5, 512L * 1024 * 1024)));
    }
}
