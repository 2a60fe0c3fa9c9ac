using System.Globalization;
using System.Text;

namespace PreviewSdk.Gateway.Pages;

/// <summary>
/// The links directory page at <c>http://&lt;env&gt;.&lt;domain&gt;:&lt;port&gt;/</c>: who started the environment
/// from what, until when, and each resource with its link and its health as the app host sees it now.
/// </summary>
public static class DirectoryPage
{
    /// <summary>The page's HTML.</summary>
    public static string Render(DirectoryModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var main = new StringBuilder();
        main.Append("<header role=\"banner\">\n<h1>Preview <code>").Append(PageFrame.Encode(model.Environment)).Append("</code>");
        if (model.App is { } app)
        {
            main.Append(" of ").Append(PageFrame.Encode(app));
        }

        main.Append("</h1>\n<p>").Append(model.Ready
            ? "<span class=\"ok\">Ready</span>: every resource is up."
            : "<span class=\"warn\">Starting</span>: some resources are not healthy yet; reload to see.").Append("</p>\n</header>\n");
        main.Append("<main role=\"main\">\n");
        AppendAbout(main, model);
        AppendResources(main, model);
        AppendList(main, "data-heading", "Seeded data", "Generated rows, no personal data.", model.Data);
        AppendList(main, "limits-heading", "Limits per replica", null, model.Limits);
        main.Append("</main>\n");
        var footer = string.Create(CultureInfo.InvariantCulture, $"Health as of {Time(model.Now)}. Reload the page for the latest.");
        return PageFrame.Render($"Preview {model.Environment}", main.ToString(), footer);
    }

    private static void AppendAbout(StringBuilder main, DirectoryModel model)
    {
        main.Append("<section aria-labelledby=\"about-heading\">\n<h2 id=\"about-heading\">Environment</h2>\n<dl>\n");
        Term(main, "Profile", PageFrame.Encode(model.Profile));
        Term(main, "Branch", PageFrame.Encode(model.Branch ?? "–"));
        Term(main, "Commit", model.Commit is { } commit ? $"<code title=\"{PageFrame.Encode(commit)}\">{PageFrame.Encode(commit[..Math.Min(12, commit.Length)])}</code>" : "–");
        Term(main, "Owner", PageFrame.Encode(model.Owner ?? "–"));
        Term(main, "Started", model.StartedAt is { } started ? Time(started) : "–");
        Term(main, "Expires", model.Keep ? "never (kept)" : model.ExpiresAt is { } expires ? Time(expires) : "–");
        Term(main, "Dashboard", $"<a href=\"{PageFrame.Encode(model.DashboardUrl)}\">{PageFrame.Encode(model.DashboardUrl)}</a>");
        main.Append("</dl>\n</section>\n");
    }

    private static void AppendResources(StringBuilder main, DirectoryModel model)
    {
        main.Append("<section aria-labelledby=\"resources-heading\">\n<h2 id=\"resources-heading\">Services and resources</h2>\n");
        main.Append("<table>\n<caption class=\"sr\">Each resource, its link and its current health</caption>\n");
        main.Append("<thead><tr><th scope=\"col\">Resource</th><th scope=\"col\">Link</th><th scope=\"col\">Health</th></tr></thead>\n<tbody>\n");
        foreach (var entry in model.Resources)
        {
            main.Append("<tr><th scope=\"row\">").Append(PageFrame.Encode(entry.Name)).Append("</th><td>");
            main.Append(entry.Url is { } url ? $"<a href=\"{PageFrame.Encode(url)}\">{PageFrame.Encode(url)}</a>" : "–");
            main.Append("</td><td>").Append(Health(entry)).Append("</td></tr>\n");
        }

        main.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendList(StringBuilder main, string id, string heading, string? note, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        main.Append("<section aria-labelledby=\"").Append(id).Append("\">\n<h2 id=\"").Append(id).Append("\">").Append(heading).Append("</h2>\n");
        if (note is not null)
        {
            main.Append("<p>").Append(note).Append("</p>\n");
        }

        main.Append("<ul>\n");
        foreach (var line in lines)
        {
            main.Append("<li>").Append(PageFrame.Encode(line)).Append("</li>\n");
        }

        main.Append("</ul>\n</section>\n");
    }

    // In words, not by colour alone.
    private static string Health(DirectoryEntry entry) => (entry.State, entry.Health) switch
    {
        ("Running", "Healthy" or null) => "<span class=\"ok\">Healthy</span>",
        ("Running", { } health) => $"<span class=\"bad\">{PageFrame.Encode(health)}</span>",
        ("Finished", _) => "<span class=\"ok\">Finished</span>",
        (null, _) => "<span class=\"warn\">Unknown</span>",
        ({ } state, _) when state is "FailedToStart" or "Exited" => $"<span class=\"bad\">{PageFrame.Encode(state)}</span>",
        ({ } state, _) => $"<span class=\"warn\">{PageFrame.Encode(state)}</span>",
    };

    private static void Term(StringBuilder main, string term, string html) =>
        main.Append("<dt>").Append(term).Append("</dt><dd>").Append(html).Append("</dd>\n");

    private static string Time(DateTimeOffset time) =>
        $"<time datetime=\"{time.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC</time>";
}
