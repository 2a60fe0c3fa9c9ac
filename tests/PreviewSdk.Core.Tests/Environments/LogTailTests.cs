using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class LogTailTests
{
    [TestMethod]
    public void Read_TailOfStackFrames_ShowsTheExceptionMessageFirst()
    {
        using var folder = new TempFolder();
        var frames = Enumerable.Range(1, 20).Select(i => $"2026-12-06T14:06:10.1000000Z    at Catalog.Startup.Step{i}() in /src/Catalog/Startup.cs:line {i}");
        var log = folder.Write(string.Join('\n', new[]
        {
            "2026-12-06T14:06:09.9000000Z info: Catalog starting",
            "2026-12-06T14:06:10.0000000Z Unhandled exception. System.InvalidOperationException: The ConnectionString property has not been initialized.",
        }.Concat(frames)), "catalog.log");

        var lines = LogTail.Read(log).Split('\n');

        Assert.AreEqual("    2026-12-06T14:06:10.0000000Z Unhandled exception. System.InvalidOperationException: The ConnectionString property has not been initialized.", lines[0]);
        Assert.AreEqual("    …", lines[1]);
        Assert.HasCount(17, lines);
        Assert.EndsWith("Step20() in /src/Catalog/Startup.cs:line 20", lines[^1]);
    }

    [TestMethod]
    public void Read_TailThatHoldsTheMessage_IsTheTailAlone()
    {
        using var folder = new TempFolder();
        var log = folder.Write("one\n\u001b[31mfail: something broke\u001b[0m\n   at A.B()\n", "x.log");

        Assert.AreEqual("    one\n    fail: something broke\n       at A.B()", LogTail.Read(log));
    }
}
