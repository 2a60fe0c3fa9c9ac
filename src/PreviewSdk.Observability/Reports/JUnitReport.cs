using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PreviewSdk.Observability.Checks;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Observability.Reports;

/// <summary>
/// Writes check results as a JUnit XML report, the format CI systems (GitHub Actions test reporters, GitLab, Azure
/// Pipelines, Jenkins) show as tests: one test suite per environment, one test case per check (class name the
/// service, name the check), a failure carrying the PREVIEW code as its type. A check without an answer is an error.
/// </summary>
public static class JUnitReport
{
    /// <summary>The file name of the report in an environment's state folder, beside links.json.</summary>
    public const string FileName = "checks.junit.xml";

    /// <summary>The report of <paramref name="results"/> for the suite <paramref name="suite"/>, as XML.</summary>
    /// <param name="suite">The suite's name, e.g. <c>shop/feature-x</c>.</param>
    /// <param name="results">The results, in the order to show them.</param>
    /// <param name="properties">Properties of the suite (environment, profile …), in order.</param>
    public static XDocument Create(string suite, IReadOnlyList<CheckResult> results, IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(properties);
        var failures = results.Count(r => r.Outcome is not (CheckOutcome.Passed or CheckOutcome.NoAnswer));
        var errors = results.Count(r => r.Outcome == CheckOutcome.NoAnswer);
        var time = Seconds(TimeSpan.FromTicks(results.Sum(r => r.Elapsed.Ticks)));
        var timestamp = (results.Count == 0 ? DateTimeOffset.UtcNow : results.Min(r => r.At)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var testSuite = new XElement("testsuite",
            new XAttribute("name", suite),
            new XAttribute("tests", results.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", errors),
            new XAttribute("skipped", 0),
            new XAttribute("time", time),
            new XAttribute("timestamp", timestamp),
            new XElement("properties", properties.Select(p => new XElement("property", new XAttribute("name", p.Key), new XAttribute("value", p.Value)))),
            results.Select(TestCase));
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", "PreviewSdk checks"),
                new XAttribute("tests", results.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", errors),
                new XAttribute("time", time),
                testSuite));
    }

    /// <summary>Writes <see cref="Create"/>'s document to <paramref name="path"/> (UTF-8, indented), replacing the file.</summary>
    public static void Write(string path, string suite, IReadOnlyList<CheckResult> results, IReadOnlyList<KeyValuePair<string, string>> properties)
    {
        var document = Create(suite, results, properties);
        var temporary = path + ".tmp";
        using (var writer = XmlWriter.Create(temporary, new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        // A CI step that reads the report while it is written sees the old one or the new one, never half.
        File.Move(temporary, path, overwrite: true);
    }

    private static XElement TestCase(CheckResult result)
    {
        var testCase = new XElement("testcase",
            new XAttribute("classname", result.Check.Service.Value),
            new XAttribute("name", result.Check.Name.Value),
            new XAttribute("time", Seconds(result.Elapsed)));
        if (result.Check.Location.File is { Length: > 0 } file)
        {
            testCase.Add(new XAttribute("file", file), new XAttribute("line", result.Check.Location.Line));
        }

        if (result.ToDiagnostic() is { } failure)
        {
            testCase.Add(new XElement(result.Outcome == CheckOutcome.NoAnswer ? "error" : "failure",
                new XAttribute("type", failure.Code),
                new XAttribute("message", failure.Message),
                $"{failure.Code}: {failure.Message}"));
        }

        testCase.Add(new XElement("system-out", result.Describe()));
        return testCase;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
