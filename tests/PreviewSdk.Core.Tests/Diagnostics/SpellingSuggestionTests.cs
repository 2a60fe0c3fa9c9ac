using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Tests.Diagnostics;

[TestClass]
public sealed class SpellingSuggestionTests
{
    private static readonly string[] ServiceKeys = ["project", "health", "replicas", "env", "uses"];

    [TestMethod]
    [DataRow("helth", "health")]
    [DataRow("replica", "replicas")]
    [DataRow("Replicas", "replicas")]
    [DataRow("use", "uses")]
    [DataRow("evn", "env")]
    [DataRow("projet", "project")]
    public void FindClosest_SuggestsAPlausibleTypo(string typed, string expected)
    {
        Assert.AreEqual(expected, SpellingSuggestion.FindClosest(typed, ServiceKeys));
    }

    [TestMethod]
    [DataRow("image")]
    [DataRow("ports")]
    [DataRow("dependencies")]
    public void FindClosest_StaysQuietForUnrelatedNames(string typed)
    {
        Assert.IsNull(SpellingSuggestion.FindClosest(typed, ServiceKeys));
    }

    [TestMethod]
    public void FindClosest_PrefersTheNearestAndThenTheFirst()
    {
        Assert.AreEqual("postgres", SpellingSuggestion.FindClosest("postgresql", ["postgres", "redis"]));
        Assert.AreEqual("ab", SpellingSuggestion.FindClosest("ax", ["ab", "ac"]));
        Assert.IsNull(SpellingSuggestion.FindClosest("anything", []));
    }

    [TestMethod]
    [DataRow("", "", 0)]
    [DataRow("kitten", "sitting", 3)]
    [DataRow("health", "helath", 2)]
    [DataRow("", "abc", 3)]
    public void EditDistance_IsLevenshtein(string a, string b, int expected)
    {
        Assert.AreEqual(expected, SpellingSuggestion.EditDistance(a, b));
        Assert.AreEqual(expected, SpellingSuggestion.EditDistance(b, a));
    }
}
