using System.Globalization;
using System.Numerics;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;
using PreviewSdk.Core.Tests.Diagnostics;
using PreviewSdk.Core.Tests.Planning;
using PreviewSdk.Core.Tests.Properties;

namespace PreviewSdk.Core.Tests.Manifest;

/// <summary>The documented upper bounds of preview.yaml's counts, over every number one can write.</summary>
[TestClass]
public sealed class ManifestBoundsTests
{
    [TestMethod]
    public void Replicas_AreAcceptedFrom1To100_AndEveryOtherWholeNumberIsPreview1005() =>
        Values.Check(3_000, values =>
        {
            // Beyond a long as well: digits are digits, however many.
            var number = values.Next(10) == 0 ? BigInteger.Pow(10, 19 + values.Next(30)) * (values.Next(2) == 0 ? 1 : -1) : values.AnyLong();
            var text = number.ToString(CultureInfo.InvariantCulture);
            foreach (var yaml in new[]
            {
                $"services:\n  shop-api:\n    replicas: {text}\n",
                $"profiles:\n  big:\n    services:\n      shop-api:\n        replicas: {text}\n",
            })
            {
                var result = ManifestReader.Read("preview.yaml", yaml);

                if (number >= 1 && number <= ManifestBounds.MaximumReplicas)
                {
                    Assert.IsEmpty(result.Diagnostics, text);
                }
                else
                {
                    var error = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.InvalidValue);
                    StringAssert.Contains(error.Message, "use a whole number from 1 to 100");
                }
            }
        });

    [TestMethod]
    public void RowsTimesTheLargestScaleOfAnyProfile_AboveABillion_IsPreview1005AtTheRowCount()
    {
        using var workspace = new PreviewWorkspace().Reference("Shop.Api");
        workspace.Manifest("""
            dependencies:
              postgres: { type: postgres, databases: [shopdb] }
            services:
              shop-api: { uses: [shopdb] }
            seed:
              shopdb:
                rows: 1000000
                scale: { heavyweight: 100 }
                tables:
                  orders: 10
            profiles:
              load:
                dependencies:
                  postgres: { scale: 5000 }
            """);

        var result = workspace.Plan();

        // 1,000,000 × 5,000 (the load profile) is 5e9; orders: 10 × 5,000 is fine.
        var error = DiagnosticAssert.Single(result.Diagnostics, DiagnosticCodes.InvalidValue);
        DiagnosticAssert.At(error, workspace.ManifestPath, 7, 11);
        StringAssert.Contains(error.Message, "keep rows × scale at most 1000000000 per table (here 1000000 × 5000 under profile 'load')");
    }

    [TestMethod]
    public void RowsTimesScale_OverTheWholeRangeOfBothFactors_IsReportedExactlyWhenAboveTheBound() =>
        Values.Check(400, values =>
        {
            var rows = values.Long(0, 1_000_000_000);
            var own = values.Double(0.0001, 10_000);
            var server = values.Double(0.0001, 10_000);
            using var workspace = new PreviewWorkspace().Reference("Shop.Api");
            workspace.Manifest(string.Create(CultureInfo.InvariantCulture, $"""
                dependencies:
                  postgres: {"{"} type: postgres, databases: [shopdb] {"}"}
                seed:
                  shopdb:
                    rows: {rows}
                    scale: {"{"} heavyweight: {own:R} {"}"}
                profiles:
                  heavyweight:
                    dependencies:
                      postgres: {"{"} scale: {server:R} {"}"}
                """));

            var result = workspace.Plan();

            var product = rows * own * server;
            var reported = result.Diagnostics.Any(d => d.Code == DiagnosticCodes.InvalidValue);
            if (product > ManifestBounds.MaximumScaledRows * 1.000001)
            {
                Assert.IsTrue(reported, $"{rows} × {own} × {server} = {product} was not reported:\n{DiagnosticAssert.Describe(result.Diagnostics)}");
            }
            else if (product < ManifestBounds.MaximumScaledRows * 0.999999)
            {
                Assert.IsFalse(reported, DiagnosticAssert.Describe(result.Diagnostics));
            }
        });
}
