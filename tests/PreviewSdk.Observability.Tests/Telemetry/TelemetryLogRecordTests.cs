using PreviewSdk.Observability.Telemetry;

namespace PreviewSdk.Observability.Tests.Telemetry;

/// <summary>The dashboard telemetry API's NDJSON lines (this one as Aspire 13.6's dashboard streams it), read as log records.</summary>
[TestClass]
public sealed class TelemetryLogRecordTests
{
    private const string StreamedLine = """
        {"resourceLogs":[{"scopeLogs":[{"scope":{"name":"Microsoft.EntityFrameworkCore.Database.Command"},"logRecords":[{"timeUnixNano":"1796566181999442200","severityNumber":17,"severityText":"Error","body":{"stringValue":"Failed executing DbCommand (146ms)"},"attributes":[{"key":"elapsed","value":{"stringValue":"146"}},{"key":"aspire.log_id","value":{"stringValue":"12"}}]}]}],"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"shop-api"}},{"key":"service.instance.id","value":{"stringValue":"qmwtakjy"}}]}}]}
        """;

    [TestMethod]
    public void Parse_AStreamedLine()
    {
        var record = TelemetryLogRecord.Parse(StreamedLine).Single();

        Assert.AreEqual(("shop-api", 17, "Failed executing DbCommand (146ms)", "12"), (record.Service, record.Severity, record.Message, record.Id));
        Assert.AreEqual(DateTimeOffset.FromUnixTimeMilliseconds(1796566181999), record.At);
    }

    [TestMethod]
    public void Parse_ASnapshotWrapsTheDocument_AndOddRecordsReadAsWellAsTheyCan()
    {
        var records = TelemetryLogRecord.Parse("""
            {"data":{"resourceLogs":[{"resource":{"attributes":[]},"scopeLogs":[{"logRecords":[{"body":{"intValue":"5"}},{}]}]}]},"totalCount":2,"returnedCount":2}
            """);

        Assert.HasCount(2, records);
        Assert.AreEqual((string.Empty, 0, "{\"intValue\":\"5\"}", string.Empty), (records[0].Service, records[0].Severity, records[0].Message, records[0].Id));
    }
}
