using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;
using PreviewSdk.Core.Profiles;
using PreviewSdk.Core.Sharing;

namespace Aspire.Hosting;

/// <summary>
/// The dashboard commands of the environment resource: Extend (what <c>-t:PreviewExtend</c> does), Run all checks and
/// Rotate access token (what <c>-t:PreviewRotateToken</c> does).
/// </summary>
internal static class EnvironmentCommands
{
    /// <summary>The name of the Extend time to live command.</summary>
    public const string Extend = "preview-extend";

    /// <summary>The name of the Run all checks command.</summary>
    public const string RunAllChecks = "preview-run-all-checks";

    /// <summary>The name of the Rotate access token command.</summary>
    public const string RotateToken = "preview-rotate-token";

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
        environment.WithCommand(RotateToken, "Rotate access token", context => RotateTokenAsync(environment.Resource, context), new CommandOptions
        {
            Description = "Issues a new access token, as -t:PreviewRotateToken does: the old shared link and every cookie it gave stop working at once.",
            IconName = "KeyReset",
            ConfirmationMessage = "Everyone who opened the shared link loses access until they get the new one. Rotate the token?",
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

    // The gateway follows the token file, so the new token works, and the old one stops, at once; the links follow
    // (the shared link is the only one that carries it). The token itself is never shown: it is in links.md.
    private static Task<ExecuteCommandResult> RotateTokenAsync(PreviewEnvironmentResource environment, ExecuteCommandContext context)
    {
        var runtime = context.Services.GetRequiredService<PreviewRuntime>();
        if (context.Services.GetService<PreviewGatewayRunner>() is not { Settings.Auth: GatewayAuth.Token })
        {
            return Task.FromResult(CommandResults.Failure($"Preview '{runtime.Name}' runs without authentication (PreviewAuth=none): it has no token to rotate."));
        }

        var token = AccessTokenFile.Issue(runtime.StateDirectory);
        EnvironmentLinks.Update(runtime.StateDirectory, links => links.WithToken(token));
        var message = $"Preview '{runtime.Name}' has a new access token: the old links and cookies no longer open it. The new shared link is in {Path.Combine(runtime.StateDirectory, StateFiles.LinksMarkdown)}.";
        context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(environment).LogInformation("{Message}", message);
        return Task.FromResult(CommandResults.Success(message));
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
