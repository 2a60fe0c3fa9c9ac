using System.Text;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Inputs;

namespace PreviewSdk.Core.Tests.Inputs;

[TestClass]
public sealed class InputFileTests
{
    [TestMethod]
    public void ARegularFile_IsReadAsText_AndAByteOrderMarkIsDropped()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("preview.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "app: café\n"u8]);

        var content = InputFile.Read(path, InputFile.YamlMaxBytes);

        Assert.AreEqual("app: café\n", content.Text);
        Assert.IsNull(content.Refusal);
    }

    [TestMethod]
    public void ASymlinkToARegularFile_IsRead()
    {
        using var folder = new TempFolder();
        var target = folder.Write("app: shop\n", "real.yaml");
        var link = folder.PathOf("preview.yaml");
        File.CreateSymbolicLink(link, target);

        Assert.AreEqual("app: shop\n", InputFile.Read(link, InputFile.YamlMaxBytes).Text);
    }

    [TestMethod]
    public void NothingThere_IsMissing_AlsoADanglingSymlinkAndAMissingFolder()
    {
        using var folder = new TempFolder();
        File.CreateSymbolicLink(folder.PathOf("dangling.yaml"), folder.PathOf("gone.yaml"));

        Assert.IsTrue(InputFile.Read(folder.PathOf("none.yaml"), 10).IsMissing);
        Assert.IsTrue(InputFile.Read(folder.PathOf("dangling.yaml"), 10).IsMissing);
        Assert.IsTrue(InputFile.Read(folder.PathOf("no", "such", "folder.yaml"), 10).IsMissing);
    }

    [TestMethod]
    public void AFolder_IsNotAFile_NotMissing()
    {
        using var folder = new TempFolder();

        var content = InputFile.Read(HostileFiles.Folder(folder.PathOf("preview.yaml")), InputFile.YamlMaxBytes);

        Assert.IsFalse(content.IsMissing);
        Assert.AreEqual(DiagnosticCodes.InputNotAFile, content.Refusal?.Code);
        StringAssert.Contains(content.Refusal!.Message, "is a directory, not a regular file");
    }

    [TestMethod]
    public void ANamedPipe_IsRefusedAtOnce_WithoutWaitingForAWriter()
    {
        using var folder = new TempFolder();
        var fifo = HostileFiles.Fifo(folder.PathOf("preview.yaml"));

        var content = HostileFiles.Within(10, () => InputFile.Read(fifo, InputFile.YamlMaxBytes));

        Assert.AreEqual(DiagnosticCodes.InputNotAFile, content.Refusal?.Code);
        StringAssert.Contains(content.Refusal!.Message, "is a named pipe (FIFO), not a regular file");
    }

    [TestMethod]
    public void ASymlinkToDevZero_IsRefusedAsADevice_WithoutReadingIt()
    {
        using var folder = new TempFolder();
        var link = HostileFiles.LinkToDevZero(folder.PathOf("preview.yaml"));
        // Counted on the reading thread alone: the process-wide count also holds what tests running alongside allocate.
        var allocated = 0L;

        var content = HostileFiles.Within(10, () =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var read = InputFile.Read(link, InputFile.YamlMaxBytes);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            return read;
        });

        Assert.AreEqual(DiagnosticCodes.InputNotAFile, content.Refusal?.Code);
        StringAssert.Contains(content.Refusal!.Message, "is a device");
        Assert.IsLessThan(1L << 20, allocated, "it read the device");
    }

    [TestMethod]
    public void AFileAtTheLimit_IsRead_AndOneByteMore_IsPreview1061()
    {
        using var folder = new TempFolder();
        var atLimit = folder.PathOf("at.yaml");
        var over = folder.PathOf("over.yaml");
        File.WriteAllBytes(atLimit, Enumerable.Repeat((byte)'#', (int)InputFile.YamlMaxBytes).ToArray());
        File.WriteAllBytes(over, Enumerable.Repeat((byte)'#', (int)InputFile.YamlMaxBytes + 1).ToArray());

        Assert.AreEqual((int)InputFile.YamlMaxBytes, InputFile.Read(atLimit, InputFile.YamlMaxBytes).Text?.Length);
        var refused = InputFile.Read(over, InputFile.YamlMaxBytes);
        Assert.AreEqual(DiagnosticCodes.InputTooLarge, refused.Refusal?.Code);
        StringAssert.Contains(refused.Refusal!.Message, "is larger than 1 MiB");
    }

    [TestMethod]
    public void Latin1Text_IsPreview1062_AtTheLineAndColumnOfTheFirstBadByte()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("preview.yaml");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("app: shop\nservices:\n  shop-api:\n    env: { GREETING: café }\n"));

        var refusal = InputFile.Read(path, InputFile.YamlMaxBytes).Refusal;

        Assert.AreEqual(DiagnosticCodes.InputNotUtf8, refusal?.Code);
        Assert.AreEqual((4, 25), (refusal!.Line, refusal.Column), refusal.ToString());
        StringAssert.Contains(refusal.Message, "the bytes 0xE9 here are no UTF-8 character");
    }

    [TestMethod]
    public void AnyBytes_AreEitherTheirStrictUtf8Text_OrPreview1062_NeverReplacementCharacters()
    {
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);

            var content = InputFile.Decode("x.yaml", bytes);

            if (content.Text is { } text)
            {
                CollectionAssert.AreEqual(bytes.AsSpan().StartsWith((byte[])[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes, Encoding.UTF8.GetBytes(text));
            }
            else
            {
                Assert.AreEqual(DiagnosticCodes.InputNotUtf8, content.Refusal?.Code);
                Assert.IsGreaterThanOrEqualTo(1, content.Refusal!.Line);
            }
        }
    }
}
