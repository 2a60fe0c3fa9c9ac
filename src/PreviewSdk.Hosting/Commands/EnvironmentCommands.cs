using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Profiles;

namespace Aspire.Hosting;

/// <summary>
/// The dashboard commands of the environment resource: Extend (what <c>-t:PreviewExtend</c> does) and Run all checks.
/// </summary>
internal static class EnvironmentCommands
{
    /// <summary>The name of the Extend time to live command.</summary>
    public const string Extend = "preview-extend";

    /// <summary>The name of the Run all checks command.</summary>
    public const string RunAllChecks = "preview-run-all-checks";

    /// <summary>The argument of Extend: the new time to live from now.</summary>
    public const string TimeToLiveArgument = "ttl";

    public static void Add(IResourceBuilder<PreviewEnvironmentResource> environment)
    {
        environment.WithCommand(Extend, "Extend time to live", context => ExtendAsync(environment.Resource, context), new CommandOptions
        {
            Description = "The environment lives this long from now (the profile's time to live unless given), as -t:PreviewExtend does.",
            IconName = "ClockArrowDownload",
            Arguments =
            [
                new InteractionInput
                {
                    Name = TimeToLiveArgument,
                    Label = "Time to live",
                    InputType = InputType.Text,
                    Required = false,
                    Placeholder = "e.g. 2h, 1d; empty for the profile's",
                },
            ],
        });
        environment.WithCommand(RunAllChecks, "Run all checks", context => RunAllChecksAsync(context), new CommandOptions
        {
            Description = "Runs every service's synthetic checks now and shows what they found.",
            IconName = "Stethoscope",
        });
    }

    private static Task<ExecuteCommandResult> ExtendAsync(PreviewEnvironmentResource environment, ExecuteCommandContext context)
    {
        TimeSpan? timeToLive = null;
        if (context.Arguments?.GetString(TimeToLiveArgument) is { Length: > 0 } text)
        {
            if (!DurationText.TryParse(text, out var duration) || duration < DurationText.Minimum || duration > DurationText.Maximum)
            {
                return Task.FromResult(CommandResults.Failure($"'{text}' is not a time to live from 1m to 365d, e.g. 2h, 30m or 1d."));
            }

            timeToLive = duration;
        }

        var runtime = context.Services.GetRequiredService<PreviewRuntime>();
        var now = DateTimeOffset.UtcNow;
        try
        {
            if (EnvironmentExpiry.ExtendOwn(runtime.StateDirectory, runtime.EnvironmentId, timeToLive, now, TimeSpan.FromSeconds(30)) is not { ExpiresAt: { } expiresAt })
            {
                return Task.FromResult(CommandResults.Failure($"Preview '{runtime.Name}' has no record in the registry (it was started outside it), so it has no time to live to extend."));
            }

            var message = $"Preview '{runtime.Name}' now expires at {expiresAt.ToLocalTime():yyyy-MM-dd HH:mm:ss} (in {EnvironmentListRenderer.Age(expiresAt - now)}).";
            context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(environment).LogInformation("{Message}", message);
            return Task.FromResult(CommandResults.Success(message));
        }
        catch (TimeoutException e)
        {
            return Task.FromResult(CommandResults.Failure($"Another build holds the environment's lock: {e.Message} Try again in a moment."));
        }
    }

    private static async Task<ExecuteCommandResult> RunAllChecksAsync(ExecuteCommandContext context)
    {
        var model = context.Services.GetRequiredService<DistributedApplicationModel>();
        var scheduler = context.Services.GetService<SyntheticCheckScheduler>();
        var checkedResources = model.Resources.Where(resource => resource.Annotations.OfType<PreviewCheckAnnotation>().Any()).ToList();
        if (scheduler is null || checkedResources.Count == 0)
        {
            return CommandResults.Success("No checks are declared (checks: in preview.yaml).");
        }

        var results = await Task.WhenAll(checkedResources.Select(resource => scheduler.RunNowAsync(resource, context.CancellationToken)));
        return SyntheticCheckBuilderExtensions.Outcome([.. results.SelectMany(r => r)]);
    }
}
