namespace PreviewSdk.Sdk.Tests;

[TestClass]
public static class AssemblySetup
{
    [AssemblyInitialize]
    public static void Initialize(TestContext context)
    {
        SdkUnderTest.Sync();
        TestWorkspace.Create();
    }

    [AssemblyCleanup]
    public static void Cleanup() => TestWorkspace.Delete();
}
