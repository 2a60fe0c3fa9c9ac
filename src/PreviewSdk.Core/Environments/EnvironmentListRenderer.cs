using PreviewSdk.Core.Profiles;
using System.Globalization;
using System.Text;
using PreviewSdk.Core.Budgets;

namespace PreviewSdk.Core.Environments;

/// <summary>
/// Renders <c>-t:PreviewList</c>: one block per environment: name, app, profile, state, age, expiry, owner, branch,
/// team, the CPU and memory it counts against the team's budget, its open alerts and its links.
/// </summary>
public static class EnvironmentListRenderer
{
    /// <summary>The listing of <paramref name="entries"/> as of <paramref name="now"/>.</summary>
    public static string Render(IReadOnlyList<EnvironmentEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return "No preview environments are running.";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{entries.Count} preview environment(s):");
        foreach (var entry in entries)
        {
            var record = entry.Record;
            // Read once: each read scans the app host's /proc entry.
            var alive = entry.IsAlive;
            var alerts = alive ? entry.Alerts?.Open ?? [] : [];
            var state = record.State == EnvironmentState.Expired ? "expired (stopping itself)"
                : !alive ? record.State == EnvironmentState.Starting ? "starting" : "stale (app host gone; the next command cleans it up)"
                : entry.Ready is null ? "starting"
                : entry.Failure is { } failure ? $"degraded ({failure.Reason})"
                : entry.Links?.Services.Where(link => link.IsDown).Select(link => link.Name).Distinct().ToList() is { Count: > 0 } down
                    ? $"degraded (down: {string.Join(", ", down)})"
                : "up";
            if (alerts.Count > 0)
            {
                // A failing check turns its service unhealthy, so its link is down too: both are said.
                state += $", {alerts.Count} alert(s)";
            }

            text.Append(CultureInfo.InvariantCulture, $"\n  {record.Name}  app={record.App}  profile={record.Profile}  {state}  age={Age(now - record.StartedAt)}  expires={Expiry(record, now)}");
            text.Append(CultureInfo.InvariantCulture, $"  owner={record.Owner ?? "?"}  branch={record.Branch ?? "-"}  team={record.Team ?? "-"}");
            if (record.Cpus is { } cpus && record.MemoryBytes is { } memory)
            {
                text.Append(CultureInfo.InvariantCulture, $"  cpu={ResourceQuantity.FormatCpus(cpus)}  memory={ResourceQuantity.FormatMemory(memory)}");
            }

            foreach (var alert in alerts)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    alert  {alert.Code} {alert.Title} ({Age(now - alert.At)} ago)");
            }

            if (entry.Links is { } links)
            {
                // No token in a listing: the shared link is printed by -t:Preview and kept in links.md.
                text.Append(CultureInfo.InvariantCulture, $"\n    directory  {links.Directory}");
                text.Append(CultureInfo.InvariantCulture, $"\n    dashboard  {links.Dashboard}");
                foreach (var service in links.Services)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n    {service.Name}  {service.Url}{(service.IsDown ? "  " + Links.LinksRenderer.DownMark : string.Empty)}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A short age such as <c>45s</c>, <c>12m</c>, <c>3h05m</c> or <c>2d04h</c>.</summary>
    public static string Age(TimeSpan age)
    {
        // Two units at most, for reading at a glance (preview.yaml's exact form is DurationText's); never negative.
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalMinutes < 1 ? $"{(int)age.TotalSeconds}s"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes}m"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours}h{age.Minutes:00}m"
            : $"{(int)age.TotalDays}d{age.Hours:00}h";
    }

    /// <summary>
    /// How an environment's expiry reads: <c>in 7h58m</c>; <c>kept</c> when exempt from expiry; <c>now</c> once it
    /// passed; <c>never</c> for a record without one (written before time to live existed).
    /// </summary>
    public static string Expiry(EnvironmentRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Keep ? "kept"
            : record.ExpiresAt is not { } expiresAt ? "never"
            : expiresAt <= now ? "now"
            : "in " + Age(expiresAt - now);
    }
}
