using PreviewSdk.Core.Tests;
using PreviewSdk.Publishing.Context;
using PreviewSdk.Publishing.Runs;

namespace PreviewSdk.Publishing.Tests.Runs;

[TestClass]
public sealed class PublicationStoreTests
{
    private static readonly PullRequestTarget Target =
        new(GitHubRepository.TryParse("octo-org/shop", new Uri("https://github.example.com/api/v3/"))!, 42);

    [TestMethod]
    public void Find_MatchesProjectAndName_LikePreviewDownMatchesEnvironments()
    {
        using var folder = new TempFolder();
        var store = new PublicationStore(folder.PathOf("state"));
        var project = folder.PathOf("preview", "Shop.Preview.csproj");
        store.Save(Record("shop", "pr-42", project));
        store.Save(Record("shop", "pr-4", project));
        store.Save(Record("admin", "pr-42", folder.PathOf("admin", "Admin.Preview.csproj")));

        var found = store.Find(Path.Combine(folder.Root, "preview", "..", "preview", "Shop.Preview.csproj"), "pr-42");

        Assert.AreEqual(Record("shop", "pr-42", project), found.Single());
        Assert.AreEqual(Target, found.Single().PullRequest, "The GitHub Enterprise address survives the round trip.");
    }

    [TestMethod]
    public void Save_ReplacesTheRecordOfTheSameEnvironment_AndDeleteForgetsIt()
    {
        using var folder = new TempFolder();
        var store = new PublicationStore(folder.PathOf("state"));
        var project = folder.PathOf("Shop.Preview.csproj");
        store.Save(Record("shop", "feature-cart", project));
        var reopened = Record("shop", "feature-cart", project) with { PullRequest = Target with { Number = 43 } };

        store.Save(reopened);

        Assert.AreEqual(43, store.Find(project, "feature-cart").Single().PullRequest.Number);
        store.Delete(reopened);
        Assert.IsEmpty(store.Find(project, "feature-cart"));
    }

    [TestMethod]
    public void Find_WithoutAnyRecord_IsEmpty()
    {
        using var folder = new TempFolder();

        Assert.IsEmpty(new PublicationStore(folder.PathOf("never-used")).Find(folder.PathOf("x.csproj"), "main"));
    }

    private static PublicationRecord Record(string app, string environment, string project) =>
        new() { App = app, Environment = environment, ProjectPath = project, PullRequest = Target };
}
