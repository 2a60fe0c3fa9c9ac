using System.Globalization;
using System.Text.Json;

namespace PreviewSdk.Observability.Telemetry;

/// <summary>One structured log record as the dashboard's telemetry API returns it (OTLP JSON).</summary>
/// <param name="Service">The resource that wrote it (<c>service.name</c>, which Aspire sets to the resource's name).</param>
/// <param name="Severity">The OTLP severity number: 17–20 error, 21–24 fatal.</param>
/// <param name="At">When it was written (UTC).</param>
/// <param name="Message">Its text.</param>
/// <param name="Id">The dashboard's id of the record (<c>aspire.log_id</c>), to know it again after a reconnect; empty when absent.</param>
public sealed record TelemetryLogRecord(string Service, int Severity, DateTimeOffset At, string Message, string Id)
{
    /// <summary>The lowest OTLP severity number of an error.</summary>
    public const int ErrorSeverity = 17;

    /// <summary>The records of one line of the telemetry API's NDJSON stream (an OTLP <c>resourceLogs</c> document).</summary>
    /// <exception cref="JsonException">The line is not JSON.</exception>
    public static IReadOnlyList<TelemetryLogRecord> Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        // A snapshot wraps the document in { "data": … }; a streamed line is the document itself.
        if (root.TryGetProperty("data", out var data))
        {
            root = data;
        }

        var records = new List<TelemetryLogRecord>();
        foreach (var resourceLogs in Array(root, "resourceLogs"))
        {
            var service = resourceLogs.TryGetProperty("resource", out var resource) ? Attribute(resource, "service.name") : null;
            foreach (var logRecord in Array(resourceLogs, "scopeLogs").SelectMany(scope => Array(scope, "logRecords")))
            {
                records.Add(new TelemetryLogRecord(
                    service ?? string.Empty,
                    logRecord.TryGetProperty("severityNumber", out var severity) && severity.TryGetInt32(out var number) ? number : 0,
                    Time(logRecord),
                    logRecord.TryGetProperty("body", out var body) ? Text(body) : string.Empty,
                    Attribute(logRecord, "aspire.log_id") ?? string.Empty));
            }
        }

        return records;
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().ToList()
            : [];

    private static string? Attribute(JsonElement element, string key) =>
        Array(element, "attributes")
            .Where(attribute => attribute.TryGetProperty("key", out var name) && name.GetString() == key)
            .Select(attribute => attribute.TryGetProperty("value", out var value) ? Text(value) : null)
            .FirstOrDefault();

    // An OTLP AnyValue: the text of a stringValue, else the JSON of whatever it holds.
    private static string Text(JsonElement value) =>
        value.TryGetProperty("stringValue", out var text) ? text.GetString() ?? string.Empty : value.ToString();

    private static DateTimeOffset Time(JsonElement record)
    {
        // Nanoseconds since the epoch, as a string (64-bit numbers do not survive JavaScript).
        var raw = record.TryGetProperty("timeUnixNano", out var time) ? time.ToString() : null;
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var nanoseconds) && nanoseconds > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(nanoseconds / 1_000_000)
            : DateTimeOffset.UtcNow;
    }
}
