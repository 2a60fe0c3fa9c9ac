using System.Text.Json;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Planning;

namespace PreviewSdk.Tasks;

/// <summary>Reads the plan that <see cref="GeneratePreviewAppHost"/> wrote.</summary>
internal static class PlanFile
{
    public static EnvironmentPlan Read(string path) =>
        JsonSerializer.Deserialize<EnvironmentPlan>(File.ReadAllText(path), StateJson.Options)
        ?? throw new InvalidDataException($"The plan file '{path}' is empty.");
}
