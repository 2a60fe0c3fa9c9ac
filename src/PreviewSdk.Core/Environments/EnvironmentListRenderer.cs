using System.Globalization;
using System.Text;

namespace PreviewSdk.Core.Environments;

/// <summary>Renders <c>-t:PreviewList</c>: one block per environment with its state, age and links.</summary>
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
            var state = !entry.IsAlive ? "stale (app host gone; the next command cleans it up)"
                : entry.Ready is null ? "starting"
                : entry.Failure is { } failure ? $"degraded ({failure.Reason})"
                : "up";
            text.Append(CultureInfo.InvariantCulture, $"\n  {record.Name}  app={record.App}  profile={record.Profile}  {state}  age={Age(now - record.StartedAt)}");
            text.Append(CultureInfo.InvariantCulture, $"  owner={record.Owner ?? "?"}  branch={record.Branch ?? "-"}");
            if (entry.Links is { } links)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n    dashboard  {links.Dashboard}");
                foreach (var service in links.Services)
                {
                    text.Append(CultureInfo.InvariantCulture, $"\n    {service.Name}  {service.Url}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>A short age such as <c>45s</c>, <c>12m</c>, <c>3h05m</c> or <c>2d04h</c>.</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalMinutes < 1 ? $"{(int)age.TotalSeconds}s"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes}m"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours}h{age.Minutes:00}m"
            : $"{(int)age.TotalDays}d{age.Hours:00}h";
    }
}
