using System.Globalization;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Profiles;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads the <c>checks:</c> section of preview.yaml: per service, named HTTP checks (<c>home: /</c> for a plain GET
/// that must answer 200, or a map). Which services exist and serve HTTP is the planner's to say.
/// </summary>
internal static class ChecksSectionReader
{
    private static readonly string[] CheckKeys = ["method", "path", "headers", "body", "status", "contains", "maxLatency", "interval"];
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    public static IReadOnlyList<CheckEntry> Read(ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var checks = new List<CheckEntry>();
        foreach (var (service, body) in reader.ReadMap(section, sectionPath))
        {
            var servicePath = ManifestNodeReader.Child(sectionPath, service.Value);
            foreach (var (name, check) in reader.ReadMap(body, servicePath))
            {
                var checkPath = ManifestNodeReader.Child(servicePath, name.Value);
                if (!ResourceName.IsValid(name.Value))
                {
                    reader.Diagnostics.Error(DiagnosticCodes.InvalidValue, name.Location, servicePath, name.Value, DiagnosticFactory.Format("Text.Rule.CheckName"));
                    continue;
                }

                if (ReadCheck(reader, service, name, check, checkPath) is { } entry)
                {
                    checks.Add(entry);
                }
            }
        }

        return checks;
    }

    private static CheckEntry? ReadCheck(ManifestNodeReader reader, Located<string> service, Located<string> name, ManifestNode body, string path)
    {
        // Short form: the path alone, a GET that must answer 200.
        if (body is ManifestScalar { IsNull: false } shortPath)
        {
            return ReadPath(reader, shortPath, path) is { } located ? new CheckEntry(service, name, located) : null;
        }

        Located<string>? requestPath = null;
        var entry = new CheckEntry(service, name, new Located<string>("/", name.Location));
        var valid = true;
        foreach (var (key, value) in reader.ReadMap(body, path, CheckKeys))
        {
            var keyPath = ManifestNodeReader.Child(path, key.Value);
            switch (key.Value)
            {
                case "path":
                    requestPath = ReadPath(reader, value, keyPath);
                    valid &= requestPath is not null;
                    break;
                case "method":
                    var method = ReadMethod(reader, value, keyPath);
                    entry = method is null ? entry : entry with { Method = method };
                    valid &= method is not null;
                    break;
                case "headers":
                    entry = entry with { Headers = ReadHeaders(reader, value, keyPath) };
                    break;
                case "body":
                    entry = entry with { Body = ReadScalarText(reader, value, keyPath) };
                    break;
                case "status":
                    var status = ReadStatus(reader, value, keyPath);
                    entry = status is null ? entry : entry with { ExpectedStatus = status.Value };
                    valid &= status is not null;
                    break;
                case "contains":
                    entry = entry with { BodyContains = reader.ReadText(value, keyPath)?.Value };
                    break;
                case "maxLatency":
                    var latency = ReadDuration(reader, value, keyPath, TimeSpan.FromMilliseconds(1), CheckEntry.MaximumLatency, DiagnosticCodes.CheckLatencyInvalid);
                    entry = latency is null ? entry : entry with { MaxLatency = latency };
                    valid &= latency is not null;
                    break;
                case "interval":
                    var interval = ReadDuration(reader, value, keyPath, CheckEntry.MinimumInterval, CheckEntry.MaximumInterval, DiagnosticCodes.CheckIntervalInvalid);
                    entry = interval is null ? entry : entry with { Interval = interval.Value };
                    valid &= interval is not null;
                    break;
            }
        }

        if (requestPath is null)
        {
            if (valid && body is ManifestMapping)
            {
                reader.Diagnostics.Error(DiagnosticCodes.MissingRequiredKey, name.Location, path, "path", "/");
            }

            return null;
        }

        return valid ? entry with { Path = requestPath.Value } : null;
    }

    private static Located<string>? ReadPath(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } path)
        {
            return null;
        }

        // Whitespace would end the request line early: every run would fail for a reason the check does not name.
        if (!path.Value.StartsWith('/') || path.Value.Any(char.IsWhiteSpace))
        {
            reader.Diagnostics.Error(DiagnosticCodes.CheckPathInvalid, path.Location, keyPath, path.Value);
            return null;
        }

        return path;
    }

    private static string? ReadMethod(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (reader.ReadText(value, keyPath) is not { } method)
        {
            return null;
        }

        var upper = method.Value.ToUpperInvariant();
        if (!Methods.Contains(upper, StringComparer.Ordinal))
        {
            reader.Diagnostics.Error(DiagnosticCodes.CheckMethodInvalid, method.Location, keyPath, method.Value, DiagnosticFactory.NameList(Methods));
            return null;
        }

        return upper;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ReadHeaders(ManifestNodeReader reader, ManifestNode section, string sectionPath)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in reader.ReadMap(section, sectionPath))
        {
            if (!IsHeaderName(name.Value))
            {
                reader.Diagnostics.Error(DiagnosticCodes.CheckHeaderInvalid, name.Location, sectionPath, name.Value);
                continue;
            }

            if (ReadScalarText(reader, value, ManifestNodeReader.Child(sectionPath, name.Value)) is { } text)
            {
                headers.Add(new KeyValuePair<string, string>(name.Value, text));
            }
        }

        return headers;
    }

    // A header name is an HTTP token; Host and Content-Length are the client's to set, from the URL and the body.
    private static bool IsHeaderName(string name) =>
        name.Length > 0
        && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal))
        && !name.Equals("Host", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase);

    // A body or header value is text as written; YAML's null is an empty value.
    private static string? ReadScalarText(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (value is ManifestScalar scalar)
        {
            return scalar.IsNull ? string.Empty : scalar.Value;
        }

        reader.ReportWrongType(value, keyPath, "Text.Shape.Scalar");
        return null;
    }

    private static int? ReadStatus(ManifestNodeReader reader, ManifestNode value, string keyPath)
    {
        if (value is not ManifestScalar { IsNull: false, IsPlain: true } scalar
            || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var status))
        {
            reader.ReportWrongType(value, keyPath, "Text.Shape.Integer");
            return null;
        }

        if (status is < 100 or > 599)
        {
            reader.Diagnostics.Error(DiagnosticCodes.CheckStatusInvalid, scalar.Location, keyPath, scalar.Value);
            return null;
        }

        return status;
    }

    /// <summary>A duration from <paramref name="minimum"/> to <paramref name="maximum"/>; <paramref name="code"/> otherwise.</summary>
    internal static TimeSpan? ReadDuration(ManifestNodeReader reader, ManifestNode value, string keyPath, TimeSpan minimum, TimeSpan maximum, string code)
    {
        if (reader.ReadText(value, keyPath) is not { } text)
        {
            return null;
        }

        if (!DurationText.TryParse(text.Value, out var duration) || duration < minimum || duration > maximum)
        {
            reader.Diagnostics.Error(code, text.Location, keyPath, text.Value);
            return null;
        }

        return duration;
    }
}
