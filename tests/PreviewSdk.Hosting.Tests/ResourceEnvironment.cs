using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace PreviewSdk.Hosting.Tests;

/// <summary>The variables a resource's environment callbacks set, evaluated as at a run, without running anything.</summary>
internal static class ResourceEnvironment
{
    /// <summary>Each variable the callbacks of <paramref name="resource"/> set, with its value as set.</summary>
    public static async Task<Dictionary<string, object>> OfAsync(IResource resource)
    {
        var variables = new Dictionary<string, object>(StringComparer.Ordinal);
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource, variables);
        foreach (var annotation in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }

        return variables;
    }

    /// <summary>As <see cref="OfAsync"/>, each value a string (a value that is not one, by its type's name).</summary>
    public static async Task<Dictionary<string, string>> TextOfAsync(IResource resource) =>
        (await OfAsync(resource)).ToDictionary(pair => pair.Key, pair => pair.Value as string ?? pair.Value.GetType().Name, StringComparer.Ordinal);
}
