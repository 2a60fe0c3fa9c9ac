using System.Diagnostics;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class RegistryLockTests
{
    [TestMethod]
    public void Acquire_WhileHeld_TimesOut()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("state", "registry.lock");
        using var held = RegistryLock.Acquire(path, TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        var error = Assert.ThrowsExactly<TimeoutException>(() => RegistryLock.Acquire(path, TimeSpan.FromMilliseconds(300)));

        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300), stopwatch.Elapsed, "it retried until the timeout");
        Assert.Contains(path, error.Message);
        Assert.IsInstanceOfType<IOException>(error.InnerException);
    }

    [TestMethod]
    public void Acquire_AfterRelease_Succeeds()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("registry.lock");
        var held = RegistryLock.Acquire(path, TimeSpan.FromSeconds(1));
        held.Dispose();

        using var second = RegistryLock.Acquire(path, TimeSpan.FromMilliseconds(200));

        Assert.IsTrue(File.Exists(path));
    }

    [TestMethod]
    public void DeleteOnRelease_RemovesTheFileAndTheNextAcquireCreatesItAgain()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("locks", "shop--main.lock");
        var held = RegistryLock.Acquire(path, TimeSpan.FromSeconds(1));
        held.DeleteOnRelease();
        held.Dispose();

        Assert.IsFalse(File.Exists(path), "A stopped environment leaves no lock file behind.");
        using var next = RegistryLock.Acquire(path, TimeSpan.FromMilliseconds(200));
        Assert.IsTrue(File.Exists(path));
    }

    [TestMethod]
    public void Acquire_ReleasedWhileWaiting_GetsTheLock()
    {
        using var folder = new TempFolder();
        var path = folder.PathOf("registry.lock");
        var held = RegistryLock.Acquire(path, TimeSpan.FromSeconds(1));
        // Timed from before the release is scheduled: on a loaded machine the thread can lose the CPU in between.
        var stopwatch = Stopwatch.StartNew();
        using var release = Task.Delay(300).ContinueWith(_ => held.Dispose(), TaskScheduler.Default);

        using var waiter = RegistryLock.Acquire(path, TimeSpan.FromSeconds(10));

        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250), stopwatch.Elapsed, "it waited for the release");
        Assert.IsLessThan(TimeSpan.FromSeconds(5), stopwatch.Elapsed, "it did not wait for the whole timeout");
    }

    [TestMethod]
    public void Lock_IsTheRegistryLockFileUnderTheRoot()
    {
        using var folder = new TempFolder();
        var registry = new EnvironmentRegistry(folder.PathOf("root"));

        using (registry.Lock(TimeSpan.FromSeconds(1)))
        {
            Assert.ThrowsExactly<TimeoutException>(() => RegistryLock.Acquire(folder.PathOf("root", "registry.lock"), TimeSpan.FromMilliseconds(100)));
        }

        using var again = registry.Lock(TimeSpan.FromMilliseconds(100));
    }
}
