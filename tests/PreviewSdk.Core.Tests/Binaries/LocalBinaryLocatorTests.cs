using System.Runtime.Versioning;
using PreviewSdk.Core.Binaries;

namespace PreviewSdk.Core.Tests.Binaries;

/// <summary>The locator over a fake PATH and a fake /usr/lib/postgresql made of empty files with or without +x.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux)]
[SupportedOSPlatform("linux")]
public sealed class LocalBinaryLocatorTests
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode NotExecutable = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [TestMethod]
    public void FindPostgresBinDirectory_PathWins_OverTheLibraryRoot()
    {
        using var folder = new TempFolder();
        Program(folder, Executable, "lib", "16", "bin", "initdb");
        Program(folder, Executable, "lib", "16", "bin", "postgres");
        Program(folder, Executable, "path1", "initdb"); // only one of the two
        Program(folder, Executable, "path2", "initdb");
        Program(folder, Executable, "path2", "postgres");
        Program(folder, Executable, "path3", "initdb");
        Program(folder, Executable, "path3", "postgres");

        var locator = Locator(folder, "path1", "missing", "path2", "path3");

        Assert.AreEqual(folder.PathOf("path2"), locator.FindPostgresBinDirectory());
    }

    [TestMethod]
    public void FindPostgresBinDirectory_NotOnPath_ChoosesTheNewestCompleteVersion()
    {
        using var folder = new TempFolder();
        foreach (var version in new[] { "9.6", "13", "15" })
        {
            Program(folder, Executable, "lib", version, "bin", "initdb");
            Program(folder, Executable, "lib", version, "bin", "postgres");
        }

        Program(folder, Executable, "lib", "17", "bin", "initdb"); // incomplete: no postgres
        Program(folder, Executable, "lib", "16", "bin", "initdb");
        Program(folder, NotExecutable, "lib", "16", "bin", "postgres"); // not executable
        Program(folder, Executable, "lib", "latest", "bin", "initdb"); // not a version
        Program(folder, Executable, "lib", "latest", "bin", "postgres");

        var locator = Locator(folder, "empty-path");

        Assert.AreEqual(folder.PathOf("lib", "15", "bin"), locator.FindPostgresBinDirectory());
    }

    [TestMethod]
    public void FindPostgresBinDirectory_ComparesVersionsAsNumbers()
    {
        using var folder = new TempFolder();
        foreach (var version in new[] { "9.6", "10" })
        {
            Program(folder, Executable, "lib", version, "bin", "initdb");
            Program(folder, Executable, "lib", version, "bin", "postgres");
        }

        Assert.AreEqual(folder.PathOf("lib", "10", "bin"), Locator(folder).FindPostgresBinDirectory());
    }

    [TestMethod]
    public void FindPostgresBinDirectory_NonExecutablesOnPath_AreIgnored()
    {
        using var folder = new TempFolder();
        Program(folder, NotExecutable, "path", "initdb");
        Program(folder, NotExecutable, "path", "postgres");

        Assert.IsNull(Locator(folder, "path").FindPostgresBinDirectory());
    }

    [TestMethod]
    public void FindPostgresBinDirectory_NothingInstalled_IsNull()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.PathOf("path"));

        Assert.IsNull(Locator(folder, "path").FindPostgresBinDirectory(), "empty library root");
        Assert.IsNull(new LocalBinaryLocator(string.Empty, folder.PathOf("no-such-root")).FindPostgresBinDirectory(), "no library root");
    }

    [TestMethod]
    public void FindRedisServer_TakesTheFirstExecutableOnPath()
    {
        using var folder = new TempFolder();
        Program(folder, NotExecutable, "a", "redis-server");
        Program(folder, Executable, "b", "redis-server");
        Program(folder, Executable, "c", "redis-server");
        Directory.CreateDirectory(folder.PathOf("d", "redis-server")); // a folder is not a program

        Assert.AreEqual(folder.PathOf("b", "redis-server"), Locator(folder, "d", "a", "b", "c").FindRedisServer());
    }

    [TestMethod]
    public void FindRedisServer_GroupOrOtherExecuteBit_Counts()
    {
        using var folder = new TempFolder();
        Program(folder, UnixFileMode.UserRead | UnixFileMode.OtherExecute, "a", "redis-server");

        Assert.AreEqual(folder.PathOf("a", "redis-server"), Locator(folder, "a").FindRedisServer());
    }

    [TestMethod]
    public void FindOnPath_NotFound_IsNull()
    {
        using var folder = new TempFolder();
        Program(folder, Executable, "a", "something-else");

        Assert.IsNull(Locator(folder, "a").FindOnPath("redis-server"));
        Assert.IsNull(new LocalBinaryLocator(string.Empty, folder.Root).FindRedisServer());
    }

    private static LocalBinaryLocator Locator(TempFolder folder, params string[] pathEntries) =>
        new(string.Join(Path.PathSeparator, pathEntries.Select(entry => folder.PathOf(entry))), folder.PathOf("lib"));

    private static void Program(TempFolder folder, UnixFileMode mode, params string[] parts)
    {
        var path = folder.Write("#!/bin/sh\n", parts);
        File.SetUnixFileMode(path, mode);
    }
}
