using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using PreviewSdk.Core.Environments;

namespace PreviewSdk.Hosting.Tests;

/// <summary>What the extensions put into the Aspire model, asserted on annotations without running anything.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ModelTests
{
    [TestMethod]
    public async Task LocalPostgresListensOnItsOwnLoopbackPortWithAHealthCheck()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var postgres = builder.AddLocalPostgres("postgres");

        var endpoint = postgres.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        Assert.AreEqual(postgres.Resource.Port, endpoint.Port);
        Assert.AreEqual(postgres.Resource.Port, endpoint.TargetPort);
        Assert.IsFalse(endpoint.IsProxied, "Clients connect straight to the server's own port.");
        Assert.AreEqual("postgres_check", postgres.Resource.Annotations.OfType<HealthCheckAnnotation>().Single().Key);

        var arguments = await GetArgumentsAsync(postgres.Resource);
        CollectionAssert.IsSubsetOf(new[] { "-p", postgres.Resource.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1" }, arguments.ToList());
        if (Environment.UserName == "root")
        {
            Assert.EndsWith("runuser", postgres.Resource.Command, "PostgreSQL refuses root: it must run as another account.");
            Assert.AreEqual("-u", arguments[0]);
        }
    }

    [TestMethod]
    public async Task DatabaseConnectionStringNamesTheDatabaseAndAFreshPassword()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var first = builder.AddLocalPostgres("first");
        var second = builder.AddLocalPostgres("second");
        var database = first.AddDatabase("shopdb");

        var connectionString = await database.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None);
        var other = await second.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None);

        StringAssert.Contains(connectionString, $"Port={first.Resource.Port}");
        StringAssert.EndsWith(connectionString, ";Database=shopdb");
        StringAssert.Contains(connectionString, "Username=preview");
        Assert.AreNotEqual(first.Resource.Port, second.Resource.Port);
        Assert.AreNotEqual(Password(connectionString), Password(other!), "Environments and servers share no secret.");
        Assert.AreSame(first.Resource, database.Resource.Parent);
    }

    [TestMethod]
    public async Task LocalRedisKeepsItsEnvironmentReadableAndPersistsNothing()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var redis = builder.AddLocalRedis("cache");

        var arguments = (await GetArgumentsAsync(redis.Resource)).ToList();
        CollectionAssert.IsSubsetOf(new[] { "--set-proc-title", "no", "--appendonly", "no", "--bind", "127.0.0.1" }, arguments);
        Assert.AreEqual($"127.0.0.1:{redis.Resource.Port}", await redis.Resource.ConnectionStringExpression.GetValueAsync(CancellationToken.None));
        Assert.AreEqual(test.Runtime.DataDirectory("cache"), redis.Resource.WorkingDirectory);
    }

    [TestMethod]
    public void UsesReferencesAndWaitsForTheDependency()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var redis = builder.AddLocalRedis("cache");
        var service = builder.AddExecutable("worker", "sleep", ".", "1");
        var project = builder.AddProject("api", "../api/api.csproj", launchProfileName: null).Uses(redis);

        var wait = project.Resource.Annotations.OfType<WaitAnnotation>().Single();
        Assert.AreSame(redis.Resource, wait.Resource);
        Assert.AreEqual(WaitType.WaitUntilHealthy, wait.WaitType);
        Assert.IsTrue(project.Resource.Annotations.OfType<ResourceRelationshipAnnotation>().Any(r => r.Resource == redis.Resource));
        Assert.IsEmpty(service.Resource.Annotations.OfType<WaitAnnotation>());
    }

    [TestMethod]
    public void AWebServiceGetsOneHttpEndpointAndAWorkerNone()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        var web = builder.AddPreviewService("web", "../web/web.csproj", isWeb: true);
        var worker = builder.AddPreviewService("worker", "../worker/worker.csproj", isWeb: false);

        var endpoint = web.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        Assert.AreEqual("http", endpoint.Name);
        Assert.IsNull(endpoint.Port, "The port is the environment's choice, never fixed.");
        Assert.IsEmpty(worker.Resource.Annotations.OfType<EndpointAnnotation>());
#pragma warning disable ASPIRECERTIFICATES001 // Experimental Aspire type, asserted on only.
        foreach (var service in new[] { web, worker })
        {
            var certificate = service.Resource.Annotations.OfType<HttpsCertificateAnnotation>().Single();
            Assert.IsFalse(certificate.UseDeveloperCertificate, "Plain HTTP services need no development certificate.");
        }
#pragma warning restore ASPIRECERTIFICATES001
    }

    [TestMethod]
    public void AddPreviewEnvironmentRegistersOnce()
    {
        using var test = new TestRuntime();
        var builder = test.CreateBuilder();
        builder.AddPreviewEnvironment();
        builder.AddPreviewEnvironment(new PreviewRuntime("other", "x", "y", test.StateDirectory));

        var registered = builder.Services.Where(service => service.ServiceType == typeof(PreviewRuntime)).ToList();
        Assert.HasCount(1, registered);
        Assert.AreSame(test.Runtime, registered[0].ImplementationInstance);
    }

    private static async Task<string[]> GetArgumentsAsync(IResource resource)
    {
        var arguments = new List<object>();
        var context = new CommandLineArgsCallbackContext(arguments);
        foreach (var annotation in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        return arguments.Select(argument => argument.ToString() ?? string.Empty).ToArray();
    }

    private static string Password(string connectionString) =>
        connectionString.Split(';').Single(part => part.StartsWith("Password=", StringComparison.Ordinal));
}
