using Aspire.Hosting;
using PreviewSdk.Core.Containers;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Templates;

namespace PreviewSdk.Hosting.Tests;

/// <summary>
/// Seeded-data templates of PostgreSQL as a container of the machine's real engine (Podman here, started by
/// build/engine.sh; the image from build/images.sh): the first environment of a key seeds and commits a template image,
/// later ones run their container from it, with rows byte-identical to a direct seed, and never write into it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ContainerSeedTemplateTests
{
    private const string Image = "localhost/library/postgres:15";

    // Containers start slower than local servers, and the machine is shared.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(300);

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task ContainerTemplates_ClonesHoldTheRowsOfADirectSeed_TheirWritesReachNeitherTheTemplateNorOtherClones()
    {
        var server = await RequireEngineAsync();
        using var shared = new SeedTemplateTests.SharedFolders();
        using var timeout = Timeout();
        try
        {
            string directDump;
            string seededDump;
            using (var direct = new TestRuntime())
            {
                // Templates off: seeded from scratch, no template, the base image.
                var result = await TemplateEnvironment.RunAsync(direct, shared.Manifest, ["appdb"], timeout.Token, container: server);
                Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"], result.Logs);
                directDump = result.Dumps["appdb"];
            }

            Assert.IsFalse(Directory.Exists(shared.Templates), "No templates folder without PreviewTemplates.");

            using (var first = new TestRuntime(templatesDirectory: shared.Templates))
            {
                var result = await TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token, container: server);
                Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"], result.Logs);
                // Only the migrations' times differ from the direct seed: they ran later.
                seededDump = result.Dumps["appdb"];
                Assert.AreEqual(SeedTemplateServerTests.SeededRows(directDump), SeedTemplateServerTests.SeededRows(seededDump), "Seeding with templates on changes no row.");
            }

            var store = new TemplateStore(shared.Templates);
            var record = store.TryRead(TemplateEnvironment.CompleteTemplates(shared.Templates).Single())!;
            Assert.IsNotNull(record.Image, "A container's template is an image.");
            StringAssert.StartsWith(record.Image.Name, $"{ContainerPostgresTemplates.Repository}/");
            StringAssert.EndsWith(record.Image.Name, $"-postgres:{record.Key}");
            var baseId = await ImageIdAsync(server, Image);
            Assert.IsTrue(record.Inputs.Contains($"postgres: image {Image} {baseId}"), "The key covers the image's id. " + string.Join('\n', record.Inputs));
            var templateId = await ImageIdAsync(server, record.Image.Name);
            Assert.IsNotNull(templateId);

            using (var second = new TestRuntime(templatesDirectory: shared.Templates))
            {
                var result = await TemplateEnvironment.RunAsync(second, shared.Manifest, ["appdb"], timeout.Token, container: server, afterReady: async (_, connection) =>
                {
                    // The clone is this environment's own: its mark, its password (the connection used it), its writes.
                    Assert.AreEqual($"previewsdk:environment={second.Runtime.EnvironmentId}", await TemplateEnvironment.ScalarAsync<string>(connection,
                        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()"));
                    await TemplateEnvironment.ScalarAsync<int>(connection, "INSERT INTO items (name, price) VALUES ('written by the clone', 1) RETURNING id");
                });
                Assert.AreEqual(SeededDatabase.ClonedFromTemplate, result.Sources["appdb"], result.Logs);
                StringAssert.Contains(result.Logs, $"The container runs the image {record.Image.Name}, cloned from the template {record.Key}");
                var dump = SeedTemplateTests.RemoveRow(result.Dumps["appdb"], "written by the clone");
                Assert.AreEqual(seededDump, dump, "The clone holds the seeding environment's rows and sequences, byte for byte.");
                Assert.AreEqual(SeedTemplateServerTests.SeededRows(directDump), SeedTemplateServerTests.SeededRows(dump), "The clone holds a direct seed's rows.");
            }

            using (var third = new TestRuntime(templatesDirectory: shared.Templates))
            {
                var result = await TemplateEnvironment.RunAsync(third, shared.Manifest, ["appdb"], timeout.Token, container: server);
                Assert.AreEqual(SeededDatabase.ClonedFromTemplate, result.Sources["appdb"], result.Logs);
                Assert.AreEqual(seededDump, result.Dumps["appdb"], "Another clone sees nothing of the second one's writes.");
            }

            Assert.AreEqual(templateId, await ImageIdAsync(server, record.Image.Name), "No environment changes the template image.");
        }
        finally
        {
            await TemplateEnvironment.RemoveTemplatesAsync(shared.Templates);
        }
    }

    [TestMethod]
    public async Task ContainerTemplates_AnotherSeedOrMigrationMakesAnotherTemplate_AndPruneRemovesEveryImage()
    {
        var server = await RequireEngineAsync();
        using var shared = new SeedTemplateTests.SharedFolders();
        using var timeout = Timeout();
        var store = new TemplateStore(shared.Templates);
        try
        {
            using (var first = new TestRuntime(templatesDirectory: shared.Templates))
            {
                await TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token, container: server);
            }

            await File.WriteAllTextAsync(shared.Manifest, (await File.ReadAllTextAsync(shared.Manifest, timeout.Token)).Replace("seed: 42", "seed: 43", StringComparison.Ordinal), timeout.Token);
            using (var second = new TestRuntime(templatesDirectory: shared.Templates))
            {
                var result = await TemplateEnvironment.RunAsync(second, shared.Manifest, ["appdb"], timeout.Token, container: server);
                Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"], "Another seed is another key: " + result.Logs);
            }

            // Another migration is another key too.
            await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(shared.Manifest)!, "migrations", "003_index.sql"), "CREATE INDEX items_name ON items (name);", timeout.Token);
            using (var third = new TestRuntime(templatesDirectory: shared.Templates))
            {
                var result = await TemplateEnvironment.RunAsync(third, shared.Manifest, ["appdb"], timeout.Token, container: server);
                Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"], "Another migration is another key: " + result.Logs);
            }

            var images = TemplateEnvironment.CompleteTemplates(shared.Templates).Select(key => store.TryRead(key)!.Image!.Name).ToList();
            Assert.HasCount(3, images);
            foreach (var image in images)
            {
                Assert.IsNotNull(await ImageIdAsync(server, image), image);
            }

            // The last environment's container may still be on its way out: its image stays until it is gone.
            var failed = await TemplateEnvironment.RemoveTemplatesAsync(shared.Templates);
            Assert.IsEmpty(TemplateEnvironment.CompleteTemplates(shared.Templates), failed);
            foreach (var image in images)
            {
                Assert.IsNull(await ImageIdAsync(server, image), $"{image} is removed with its template.");
            }
        }
        finally
        {
            await TemplateEnvironment.RemoveTemplatesAsync(shared.Templates);
        }
    }

    [TestMethod]
    public async Task ContainerTemplates_AnImageRemovedOutsidePreviewSdk_IsBuiltAgainRatherThanRun()
    {
        var server = await RequireEngineAsync();
        using var shared = new SeedTemplateTests.SharedFolders();
        using var timeout = Timeout();
        var store = new TemplateStore(shared.Templates);
        try
        {
            using (var first = new TestRuntime(templatesDirectory: shared.Templates))
            {
                await TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token, container: server);
            }

            var key = TemplateEnvironment.CompleteTemplates(shared.Templates).Single();
            var image = store.TryRead(key)!.Image!;
            // podman rmi, or a system prune, as someone else might; retried while the last container is on its way out.
            var kept = new List<string>();
            for (var attempt = 0; PreviewSdk.Core.Containers.TemplateImages.TryRemove(image) is { } reason && attempt < 60; attempt++)
            {
                kept.Add(reason);
                await Task.Delay(1000, timeout.Token);
            }

            Assert.IsNull(await ImageIdAsync(server, image.Name));
            // By its id: images of the same key that earlier tests built (their names since taken by this one) are
            // not this test's to count.
            var id = image.Id!.Replace("sha256:", string.Empty, StringComparison.Ordinal);
            Assert.IsFalse((await ImagesOfKeyAsync(server, key)).Any(listed => listed.ID.EndsWith(id, StringComparison.Ordinal)),
                "Removed whole, not only its name. " + string.Join('\n', kept));

            using var second = new TestRuntime(templatesDirectory: shared.Templates);
            var result = await TemplateEnvironment.RunAsync(second, shared.Manifest, ["appdb"], timeout.Token, container: server);
            Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"], result.Logs);
            StringAssert.Contains(result.Logs, $"The template {key} has no image in the engine");
            Assert.IsNotNull(await ImageIdAsync(server, image.Name), "Built again under the same key.");
        }
        finally
        {
            await TemplateEnvironment.RemoveTemplatesAsync(shared.Templates);
        }
    }

    [TestMethod]
    public async Task ContainerTemplates_AContainerThatFailsFromItsTemplate_DiscardsIt_AndTheNextStartSeedsANewOne()
    {
        var server = await RequireEngineAsync();
        using var shared = new SeedTemplateTests.SharedFolders();
        using var timeout = Timeout();
        var store = new TemplateStore(shared.Templates);
        TemplateImage? original = null;
        try
        {
            using (var first = new TestRuntime(templatesDirectory: shared.Templates))
            {
                await TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token, container: server);
            }

            // The template image breaks (here: an entry point that exits, as a clone step that fails would): the
            // record names the broken image, by name and id.
            var key = TemplateEnvironment.CompleteTemplates(shared.Templates).Single();
            var record = store.TryRead(key)!;
            original = record.Image;
            var broken = await BreakImageAsync(server, record.Image!, timeout.Token);
            PreviewSdk.Core.Environments.StateJson.Write(Path.Combine(store.PathOf(key), "template.json"), record with { Image = record.Image! with { Id = broken } });

            using (var second = new TestRuntime(templatesDirectory: shared.Templates))
            {
                var failure = await TemplateEnvironment.RunFailingAsync(second, shared.Manifest, "appdb", server, timeout.Token);
                StringAssert.Contains(failure.Reason, $"Its data was cloned from the seeded-data template {key}, now discarded: the next start seeds again");
                StringAssert.Contains(store.TryRead(key)!.DiscardedBecause, "cloned from it failed before it was ready");
            }

            using (var third = new TestRuntime(templatesDirectory: shared.Templates))
            {
                var result = await TemplateEnvironment.RunAsync(third, shared.Manifest, ["appdb"], timeout.Token, container: server);
                Assert.AreEqual(SeededDatabase.Seeded, result.Sources["appdb"], result.Logs);
                StringAssert.Contains(result.Logs, $"The template {key} was discarded (");
            }

            var rebuilt = store.TryRead(key)!;
            Assert.IsNull(rebuilt.DiscardedBecause, "Replaced by a template in use.");
            Assert.AreNotEqual(broken, rebuilt.Image!.Id);
            var bare = broken.Replace("sha256:", string.Empty, StringComparison.Ordinal);
            Assert.IsFalse((await ImagesOfKeyAsync(server, key)).Any(listed => listed.ID.EndsWith(bare, StringComparison.Ordinal)), "The broken image went before the new one took its name.");
        }
        finally
        {
            await TemplateEnvironment.RemoveTemplatesAsync(shared.Templates);
            if (original is not null)
            {
                PreviewSdk.Core.Containers.TemplateImages.TryRemove(original);
            }
        }
    }

    // Commits the template image again with an entry point that exits 3, under the same name (the original keeps its
    // id, without a name, as the broken image's parent: the caller removes it last).
    private static async Task<string> BreakImageAsync(ContainerServer server, TemplateImage image, CancellationToken cancellationToken)
    {
        using var client = server.Engine.CreateClient();
        var created = await client.Containers.CreateContainerAsync(new Docker.DotNet.Models.CreateContainerParameters { Image = image.Name }, cancellationToken);
        try
        {
            var reference = image.Name[..image.Name.LastIndexOf(':')];
            var committed = await client.Images.CommitContainerChangesAsync(new Docker.DotNet.Models.CommitContainerChangesParameters
            {
                ContainerID = created.ID,
                RepositoryName = reference,
                Tag = image.Name[(reference.Length + 1)..],
                Changes = ["""ENTRYPOINT ["/bin/sh", "-c", "echo the template is broken >&2; exit 3"]"""],
                Config = new Docker.DotNet.Models.Config(),
            }, cancellationToken);
            return committed.ID.StartsWith("sha256:", StringComparison.Ordinal) ? committed.ID : "sha256:" + committed.ID;
        }
        finally
        {
            await client.Containers.RemoveContainerAsync(created.ID, new Docker.DotNet.Models.ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    [TestMethod]
    public async Task ContainerTemplates_TwoEnvironmentsStartingAtOnceBuildTheTemplateOnce()
    {
        var server = await RequireEngineAsync();
        using var shared = new SeedTemplateTests.SharedFolders();
        using var timeout = Timeout();
        using var first = new TestRuntime(templatesDirectory: shared.Templates);
        using var second = new TestRuntime(templatesDirectory: shared.Templates);
        try
        {
            var results = await Task.WhenAll(
                TemplateEnvironment.RunAsync(first, shared.Manifest, ["appdb"], timeout.Token, container: server),
                TemplateEnvironment.RunAsync(second, shared.Manifest, ["appdb"], timeout.Token, container: server));

            CollectionAssert.AreEquivalent(new[] { SeededDatabase.Seeded, SeededDatabase.ClonedFromTemplate }, results.Select(r => r.Sources["appdb"]).ToArray(),
                "One environment seeds and builds the template while the other waits for it and clones it.\n" + results[0].Logs + "\n" + results[1].Logs);
            Assert.AreEqual(results[0].Dumps["appdb"], results[1].Dumps["appdb"]);
            Assert.HasCount(1, TemplateEnvironment.CompleteTemplates(shared.Templates), "One template, built once.");
        }
        finally
        {
            await TemplateEnvironment.RemoveTemplatesAsync(shared.Templates);
        }
    }

    private static async Task<ContainerServer> RequireEngineAsync()
    {
        if ((await ContainerEngineProbe.FindAsync()).Engine is not { } engine)
        {
            Assert.Inconclusive("No container engine answers here (build/engine.sh starts one).");
            throw new InvalidOperationException();
        }

        var server = new ContainerServer(engine, Image);
        if (await ImageIdAsync(server, Image) is null)
        {
            Assert.Inconclusive($"The engine has no {Image}; build it with build/images.sh.");
        }

        return server;
    }

    // Every image labelled with the template's key, named or not.
    private static async Task<IList<Docker.DotNet.Models.ImagesListResponse>> ImagesOfKeyAsync(ContainerServer server, string key)
    {
        using var client = server.Engine.CreateClient();
        return await client.Images.ListImagesAsync(new Docker.DotNet.Models.ImagesListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"previewsdk.template={key}"] = true } },
        });
    }

    private static async Task<string?> ImageIdAsync(ContainerServer server, string image)
    {
        using var client = server.Engine.CreateClient();
        return await ContainerPostgresTemplates.ImageIdAsync(client, image, CancellationToken.None);
    }

    private CancellationTokenSource Timeout()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        return timeout;
    }
}
