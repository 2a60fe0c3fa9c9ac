using System.Text;

namespace PreviewSdk.Core.Tests.Generation;

/// <summary>
/// Compares generated text byte for byte with a checked-in file of <c>Generation/Snapshots/</c> (copied to the
/// test output). To accept a deliberate change of the generated code, run the tests once with
/// <c>PREVIEW_UPDATE_SNAPSHOTS=1</c>: the snapshots are then rewritten in the source tree (and the tests pass);
/// review the diff and commit it. See Generation/Snapshots/README.md.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "PREVIEW_UPDATE_SNAPSHOTS";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The checked-in snapshot <paramref name="name"/> in the source tree.</summary>
    public static string SourcePath(string name) =>
        Path.Combine(RepositoryRoot.Find(), "tests", "PreviewSdk.Core.Tests", "Generation", "Snapshots", name);

    public static void Match(string name, string actual)
    {
        var actualBytes = Utf8NoBom.GetBytes(actual);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllBytes(SourcePath(name), actualBytes);
            return;
        }

        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Generation", "Snapshots", name);
        Assert.IsTrue(
            File.Exists(expectedPath),
            $"No snapshot '{name}' in the test output. Create it with {UpdateVariable}=1 dotnet test --project tests/PreviewSdk.Core.Tests.");
        var expectedBytes = File.ReadAllBytes(expectedPath);
        if (expectedBytes.AsSpan().SequenceEqual(actualBytes))
        {
            return;
        }

        Assert.Fail(
            $"The generated text differs from the snapshot '{name}' {FirstDifference(Utf8NoBom.GetString(expectedBytes), actual)}.\n" +
            $"If the change is intended, rerun with {UpdateVariable}=1 and review the diff of {SourcePath(name)}.\n" +
            $"Generated text:\n{actual}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var index = 0; index < Math.Max(expectedLines.Length, actualLines.Length); index++)
        {
            var wanted = index < expectedLines.Length ? expectedLines[index] : "<end of file>";
            var got = index < actualLines.Length ? actualLines[index] : "<end of file>";
            if (wanted != got)
            {
                return $"at line {index + 1}:\n  snapshot:  {Visible(wanted)}\n  generated: {Visible(got)}";
            }
        }

        return "(only in bytes the lines do not show, such as a BOM)";
    }

    private static string Visible(string line) => line.Replace("\r", "\\r", StringComparison.Ordinal);
}
