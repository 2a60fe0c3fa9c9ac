using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Tests.Diagnostics;

/// <summary>
/// Keeps the three places a code lives in step: the constant in <see cref="DiagnosticCodes"/>, its message in
/// DiagnosticMessages.resx and its section in docs/diagnostics.md.
/// </summary>
[TestClass]
public sealed class DiagnosticCatalogTests
{
    private static readonly Regex CodePattern = new(@"^PREVIEW[1-79]\d{3}$", RegexOptions.CultureInvariant);

    private static IReadOnlyList<(string Name, string Code)> Codes { get; } = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .ToList();

    [TestMethod]
    public void Codes_AreWellFormedAndUnique()
    {
        Assert.IsGreaterThanOrEqualTo(19, Codes.Count);
        foreach (var (name, code) in Codes)
        {
            Assert.MatchesRegex(CodePattern, code, $"{name} = {code}");
        }

        var duplicates = Codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.IsEmpty(duplicates, "Duplicate codes: " + string.Join(", ", duplicates));
    }

    [TestMethod]
    public void EveryCode_HasAMessageEndingWithAOneLineFix()
    {
        foreach (var (name, code) in Codes)
        {
            var format = DiagnosticFactory.FindMessageFormat(code);
            Assert.IsNotNull(format, $"{name} ({code}) has no message in DiagnosticMessages.resx");
            var fix = format.IndexOf("Fix: ", StringComparison.Ordinal);
            Assert.IsGreaterThan(0, fix, $"{code}: '{format}' has no 'Fix: '");
            Assert.DoesNotContain("\n", format, $"{code}: the message must be one line");
            Assert.IsTrue(format.TrimEnd().EndsWith('.'), $"{code}: '{format}' should end with a full stop");
        }
    }

    [TestMethod]
    public void EveryMessage_FormatsWithItsPlaceholders()
    {
        // A stray brace or a placeholder beyond the arguments given would throw only when the problem occurs.
        object?[] args = ["a0", "a1", "a2", "a3", "a4", "a5"];
        foreach (var (_, code) in Codes)
        {
            var diagnostic = DiagnosticFactory.Create(code, SourceLocation.WholeFile("preview.yaml"), args);
            Assert.DoesNotContain("{", diagnostic.Message.Replace("{{", string.Empty, StringComparison.Ordinal), code);
        }
    }

    [TestMethod]
    public void EveryResourceCodeKey_HasAConstant()
    {
        var resx = XDocument.Load(Path.Combine(RepositoryRoot.Find(), "src", "PreviewSdk.Core", "Diagnostics", "DiagnosticMessages.resx"));
        var keys = resx.Root!.Elements("data").Select(e => (string)e.Attribute("name")!).ToList();
        var codeKeys = keys.Where(k => k.StartsWith("PREVIEW", StringComparison.Ordinal)).ToList();

        CollectionAssert.AreEquivalent(Codes.Select(c => c.Code).ToList(), codeKeys);
        Assert.IsEmpty(
            keys.Where(k => !k.StartsWith("PREVIEW", StringComparison.Ordinal) && !k.StartsWith("Text.", StringComparison.Ordinal)).ToList(),
            "Resource keys are either codes or Text.* fragments");
    }

    [TestMethod]
    public void EveryCode_HasASectionInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "diagnostics.md"));
        var headings = Regex.Matches(docs, @"^## (PREVIEW\d{4}): \S.*$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToList();

        foreach (var (_, code) in Codes)
        {
            CollectionAssert.Contains(headings, code, $"docs/diagnostics.md has no '## {code}: Title' section");
        }

        var undocumented = headings.Except(Codes.Select(c => c.Code)).ToList();
        Assert.IsEmpty(undocumented, "Sections for codes that do not exist: " + string.Join(", ", undocumented));
    }
}
