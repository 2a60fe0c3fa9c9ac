using PreviewSdk.Core.Environments;

namespace PreviewSdk.Core.Tests.Environments;

[TestClass]
public sealed class EnvironmentFingerprintTests
{
    private static readonly string CoreAssembly = typeof(EnvironmentFingerprint).Assembly.Location;
    private static readonly string OtherAssembly = typeof(TestClassAttribute).Assembly.Location;

    [TestMethod]
    public void Compute_SameOutputsCopiedAgainWithNewTimeStampsAndSymbols_IsUnchanged()
    {
        using var folder = new TempFolder();
        var (plan, appHost, api) = Layout(folder);
        var before = Compute(plan, appHost, api);

        // What an incremental build that recompiled unchanged sources does: the same assembly, new time stamps, new symbols.
        File.Copy(CoreAssembly, api, overwrite: true);
        File.SetLastWriteTimeUtc(api, DateTime.UtcNow.AddMinutes(5));
        folder.Write("other symbols", "api", "bin", "Api.pdb");
        File.SetLastWriteTimeUtc(folder.PathOf("api", "bin", "appsettings.json"), DateTime.UtcNow.AddMinutes(5));
        var after = Compute(plan, appHost, api);

        Assert.AreEqual(before, after with { Services = before.Services }, "The app host or settings changed.");
        Assert.IsEmpty(after.ChangedServices(before));
    }

    [TestMethod]
    public void Compute_ServiceAssemblyOrItsLibraryOrConfigChanged_NamesThatServiceOnly()
    {
        using var folder = new TempFolder();
        var (plan, appHost, api) = Layout(folder);
        var web = folder.PathOf("web", "bin", "Web.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(web)!);
        File.Copy(CoreAssembly, web);
        var before = Compute(plan, appHost, api, web);

        File.Copy(OtherAssembly, api, overwrite: true);
        var after = Compute(plan, appHost, api, web);
        CollectionAssert.AreEqual(new[] { "api" }, after.ChangedServices(before).ToList());
        Assert.AreEqual(before.AppHost, after.AppHost);

        // A library of the service (copied into its output) and a config file count too.
        File.Copy(OtherAssembly, folder.PathOf("web", "bin", "Web.Data.dll"));
        var withLibrary = Compute(plan, appHost, api, web);
        CollectionAssert.AreEqual(new[] { "web" }, withLibrary.ChangedServices(after).ToList());
        folder.Write("{ \"Greeting\": \"changed\" }", "api", "bin", "appsettings.json");
        CollectionAssert.AreEqual(new[] { "api" }, Compute(plan, appHost, api, web).ChangedServices(withLibrary).ToList());
    }

    [TestMethod]
    public void Compute_PlanOrAppHostOrSettingsChanged_ChangesTheirPart()
    {
        using var folder = new TempFolder();
        var (plan, appHost, api) = Layout(folder);
        var before = Compute(plan, appHost, api);

        File.AppendAllText(plan, " ");
        Assert.AreNotEqual(before.AppHost, Compute(plan, appHost, api).AppHost, "A changed plan went unnoticed.");
        File.WriteAllText(plan, "{}");

        File.Copy(OtherAssembly, appHost, overwrite: true);
        Assert.AreNotEqual(before.AppHost, Compute(plan, appHost, api).AppHost, "A changed app host went unnoticed.");
        File.Copy(CoreAssembly, appHost, overwrite: true);

        Assert.AreEqual(before, Compute(plan, appHost, api) with { Services = before.Services });
        Assert.AreNotEqual(before.Settings, EnvironmentFingerprint.Compute(plan, appHost, "auth=none", [KeyValuePair.Create("api", api)]).Settings);
    }

    [TestMethod]
    public void WriteAndRead_RoundTripThroughTheStateFolder()
    {
        using var folder = new TempFolder();
        var (plan, appHost, api) = Layout(folder);
        var fingerprint = Compute(plan, appHost, api);
        Assert.IsNull(EnvironmentFingerprint.Read(folder.Root));

        fingerprint.Write(folder.Root);
        var read = EnvironmentFingerprint.Read(folder.Root);

        Assert.IsNotNull(read);
        Assert.AreEqual(fingerprint.AppHost, read.AppHost);
        Assert.AreEqual(fingerprint.Settings, read.Settings);
        CollectionAssert.AreEquivalent(fingerprint.Services.ToList(), read.Services.ToList());
        Assert.IsEmpty(fingerprint.ChangedServices(read));
    }

    [TestMethod]
    public void RestartChannel_TheAnswerWithTheRequestsIdEndsTheWait_AndAnUnansweredRequestIsWithdrawn()
    {
        using var folder = new TempFolder();
        var id = ServiceRestartChannel.Post(folder.Root, ["api"], TimeSpan.FromSeconds(30));
        var request = ServiceRestartChannel.Take(folder.Root);
        Assert.IsNotNull(request);
        Assert.AreEqual(id, request.Id);
        CollectionAssert.AreEqual(new[] { "api" }, request.Services.ToList());
        Assert.AreEqual(30, request.TimeoutSeconds);
        Assert.IsNull(ServiceRestartChannel.Take(folder.Root), "A request was taken twice.");

        ServiceRestartChannel.Answer(folder.Root, new ServiceRestartChannel.Result("an older request", [], new Dictionary<string, string>()));
        var answered = Task.Run(() => ServiceRestartChannel.WaitFor(folder.Root, id, TimeSpan.FromSeconds(30), () => true, CancellationToken.None));
        Thread.Sleep(300);
        Assert.IsFalse(answered.IsCompleted, "An answer to another request ended the wait.");
        ServiceRestartChannel.Answer(folder.Root, new ServiceRestartChannel.Result(id, ["api"], new Dictionary<string, string>()));
        Assert.IsTrue(answered.Wait(TimeSpan.FromSeconds(30)));
        CollectionAssert.AreEqual(new[] { "api" }, answered.Result!.Restarted.ToList());

        var unanswered = ServiceRestartChannel.Post(folder.Root, ["web"], TimeSpan.FromSeconds(30));
        Assert.IsNull(ServiceRestartChannel.WaitFor(folder.Root, unanswered, TimeSpan.FromSeconds(30), () => false, CancellationToken.None));
        Assert.IsNull(ServiceRestartChannel.Take(folder.Root), "A request the app host never took would restart the service later.");
    }

    // A plan, an app host folder and a service's output folder (an assembly and a config file).
    private static (string Plan, string AppHost, string Api) Layout(TempFolder folder)
    {
        var plan = folder.Write("{}", "obj", "preview.plan.json");
        var appHost = folder.PathOf("apphost", "bin", "Shop.Preview.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(appHost)!);
        File.Copy(CoreAssembly, appHost);
        var api = folder.PathOf("api", "bin", "Api.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(api)!);
        File.Copy(CoreAssembly, api);
        folder.Write("{ \"Greeting\": \"hello\" }", "api", "bin", "appsettings.json");
        folder.Write("symbols", "api", "bin", "Api.pdb");
        return (plan, appHost, api);
    }

    private static EnvironmentFingerprint Compute(string plan, string appHost, string api, string? web = null)
    {
        List<KeyValuePair<string, string>> services = [KeyValuePair.Create("api", api)];
        if (web is not null)
        {
            services.Add(KeyValuePair.Create("web", web));
        }

        return EnvironmentFingerprint.Compute(plan, appHost, "auth=token", services);
    }
}
