using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PreviewSdk.Core.Generation;

/// <summary>
/// The preview project's <c>Properties/launchSettings.json</c>: one launch profile per preview profile, so F5 in Visual
/// Studio (its launch profile list) and <c>dotnet run --launch-profile heavyweight</c> start that profile. Written when
/// absent, rewritten while untouched (a profile added to preview.yaml appears), and left alone once edited.
/// </summary>
/// <remarks>
/// How an edit is told: the generated file carries, as its first property, <c>"previewsdk:generated"</c> with the
/// SHA-256 of the rest of its text. An untouched file hashes to that value; any edit (by hand, or by Visual Studio's
/// launch profile editor, which rewrites the file) does not, and neither does a file without the property. Tools
/// that read launch settings ignore a property they do not know. The file carries its own proof, so a clean
/// <c>obj/</c> or a fresh clone cannot mistake an edited file for a generated one.
/// </remarks>
public static partial class LaunchSettingsFile
{
    /// <summary>The property that holds the hash of the generated text.</summary>
    public const string HashProperty = "previewsdk:generated";

    /// <summary>What <see cref="Write"/> did.</summary>
    public enum Outcome
    {
        /// <summary>There was no file: it was written.</summary>
        Created,

        /// <summary>The untouched file was out of date (the profiles changed): it was rewritten.</summary>
        Updated,

        /// <summary>The untouched file was up to date.</summary>
        UpToDate,

        /// <summary>The file was edited (or not generated): it was left alone.</summary>
        LeftAlone,
    }

    /// <summary>The text of the file for <paramref name="profiles"/> (the first is what <c>dotnet run</c> starts without <c>--launch-profile</c>).</summary>
    public static string Generate(IReadOnlyList<string> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var body = Body(profiles);
        // First in the root object, right after its opening brace.
        return body.Insert("{\n".Length, $"  \"{HashProperty}\": \"{Hash(body)}\",\n");
    }

    /// <summary>Writes the file at <paramref name="path"/> unless it was edited; says what it did.</summary>
    public static Outcome Write(string path, IReadOnlyList<string> profiles)
    {
        var text = Generate(profiles);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return Outcome.Created;
        }

        var existing = File.ReadAllText(path);
        if (!IsUntouched(existing))
        {
            return Outcome.LeftAlone;
        }

        if (existing.ReplaceLineEndings("\n") == text)
        {
            return Outcome.UpToDate;
        }

        File.WriteAllText(path, text);
        return Outcome.Updated;
    }

    /// <summary>Whether <paramref name="text"/> is a generated file nobody changed since.</summary>
    public static bool IsUntouched(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.ReplaceLineEndings("\n");
        var match = HashLine().Match(normalized);
        return match.Success && Hash(normalized.Remove(match.Index, match.Length)) == match.Groups["hash"].Value;
    }

    private static string Body(IReadOnlyList<string> profiles)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"$schema\": \"https://json.schemastore.org/launchsettings.json\",\n  \"profiles\": {\n");
        for (var i = 0; i < profiles.Count; i++)
        {
            // Profile names are preview.yaml names (lowercase letters, digits, hyphens): nothing to escape.
            text.Append("    \"").Append(profiles[i]).Append("\": {\n");
            text.Append("      \"commandName\": \"Project\",\n");
            text.Append("      \"launchBrowser\": true,\n");
            text.Append("      \"environmentVariables\": {\n");
            text.Append("        \"PREVIEW_PROFILE\": \"").Append(profiles[i]).Append("\",\n");
            text.Append("        \"DOTNET_ENVIRONMENT\": \"Development\"\n");
            text.Append("      }\n");
            text.Append(i == profiles.Count - 1 ? "    }\n" : "    },\n");
        }

        text.Append("  }\n}\n");
        return text.ToString();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("""(?m)^  "previewsdk:generated": "(?<hash>[0-9a-f]{64})",\n""")]
    private static partial Regex HashLine();
}
