using System.Globalization;
using System.Text;

namespace PreviewSdk.Core.Links;

/// <summary>Renders an environment's links for the build log and for a pull request.</summary>
public static class LinksRenderer
{
    /// <summary>What follows the address of a link whose service is down.</summary>
    public const string DownMark = "(down)";

    /// <summary>
    /// The table <c>-t:Preview</c> prints: a headline, then one aligned row per link, the shared link of the directory
    /// page first, then the dashboard and the services.
    /// <paramref name="headline"/> completes "Preview 'name' (profile) " — for example "is up in 9.4 s".
    /// </summary>
    public static string RenderTable(EnvironmentLinks links, string headline)
    {
        ArgumentNullException.ThrowIfNull(links);
        var rows = Rows(links);
        var width = rows.Max(row => row.Name.Length);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Preview '{links.Environment}' ({links.Profile}) {headline}");
        foreach (var (name, url, down) in rows)
        {
            text.Append('\n').Append("  ").Append(name.PadRight(width)).Append("  ").Append(url);
            if (down)
            {
                text.Append("  ").Append(DownMark);
            }
        }

        foreach (var data in links.Data)
        {
            text.Append('\n').Append("  ").Append("data".PadRight(width)).Append("  ").Append(data.Describe());
        }

        foreach (var limits in links.Limits)
        {
            text.Append('\n').Append("  ").Append("limits".PadRight(width)).Append("  ").Append(limits.Service).Append(": ").Append(limits.Describe());
        }

        return text.ToString();
    }

    /// <summary>A Markdown table of the links, for a pull request comment or a CI summary.</summary>
    public static string RenderMarkdown(EnvironmentLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### Preview `{links.Environment}` ({links.Profile})\n\n");
        text.Append("Open <").Append(links.SharedLink).Append(!links.TokenRequired
            ? ">: no authentication (PreviewAuth=none).\n\n"
            : links.SharedLink != links.Directory
                ? ">: the link carries the environment's access token; whoever has it opens every link below.\n\n"
                : ">: it asks for the environment's access token, which is not published here; the environment's owner shares the link that carries it.\n\n");
        text.Append("| resource | link |\n|---|---|\n");
        foreach (var (name, url, down) in Rows(links).Skip(1).Prepend(("directory", links.Directory, false)))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name} | <{url}>{(down ? " " + DownMark : string.Empty)} |\n");
        }

        if (links.Data.Count > 0)
        {
            text.Append("\nSeeded data (generated, no personal data): ");
            text.Append(string.Join("; ", links.Data.Select(data => data.Describe()))).Append('.');
            text.Append('\n');
        }

        if (links.Limits.Count > 0)
        {
            text.Append("\nLimits per replica: ");
            text.Append(string.Join("; ", links.Limits.Select(limits => $"{limits.Service}: {limits.Describe()}"))).Append('.');
            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"\nReady at {links.ReadyAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.\n");
        return text.ToString();
    }

    private static List<(string Name, string Url, bool Down)> Rows(EnvironmentLinks links)
    {
        // No dashboard link where none runs (an environment on a cluster).
        var rows = new List<(string Name, string Url, bool Down)> { ("shared", links.SharedLink, false) };
        if (links.Dashboard.Length > 0)
        {
            rows.Add(("dashboard", links.Dashboard, false));
        }

        rows.AddRange(links.Services.Select(service => (service.Name, service.Url, service.IsDown)));
        return rows;
    }
}
