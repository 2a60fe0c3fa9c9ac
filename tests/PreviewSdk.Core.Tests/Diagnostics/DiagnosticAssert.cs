using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Tests.Diagnostics;

/// <summary>Assertions on diagnostics that print the whole list when they fail, which is what one needs to see.</summary>
internal static class DiagnosticAssert
{
    /// <summary>Asserts that exactly these (code, line, column) diagnostics were reported in <paramref name="file"/>, in order.</summary>
    public static void Exactly(
        IReadOnlyList<PreviewDiagnostic> diagnostics, string file, params (string Code, int Line, int Column)[] expected)
    {
        var actual = diagnostics.Select(d => (d.Code, d.File, d.Line, d.Column)).ToArray();
        var wanted = expected.Select(e => (e.Code, file, e.Line, e.Column)).ToArray();
        CollectionAssert.AreEqual(wanted, actual, "Diagnostics were:\n" + Describe(diagnostics));
    }

    /// <summary>Asserts that a single diagnostic of <paramref name="code"/> was reported, and returns it.</summary>
    public static PreviewDiagnostic Single(IReadOnlyList<PreviewDiagnostic> diagnostics, string code)
    {
        var matching = diagnostics.Where(d => d.Code == code).ToList();
        Assert.HasCount(1, matching, $"Expected one {code}. Diagnostics were:\n" + Describe(diagnostics));
        return matching[0];
    }

    /// <summary>Asserts that the diagnostic is at this place.</summary>
    public static void At(PreviewDiagnostic diagnostic, string file, int line, int column)
    {
        Assert.AreEqual((file, line, column), (diagnostic.File, diagnostic.Line, diagnostic.Column), diagnostic.ToString());
    }

    public static string Describe(IEnumerable<PreviewDiagnostic> diagnostics) =>
        string.Join('\n', diagnostics.Select(d => d.ToString()));
}
