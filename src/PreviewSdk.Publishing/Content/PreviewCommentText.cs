using System.Globalization;
using System.Text;
using PreviewSdk.Core.Environments;
using PreviewSdk.Core.Links;

namespace PreviewSdk.Publishing.Content;

/// <summary>The Markdown published for an environment: its links while it is up, a notice once it is down.</summary>
public static class PreviewCommentText
{
    /// <summary>
    /// The links table of <paramref name="links"/> (already passed through <see cref="SharedLinkPolicy"/>) and when
    /// the environment expires, from <paramref name="record"/>.
    /// </summary>
    public static string Up(EnvironmentLinks links, EnvironmentRecord record)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(record);
        var text = new StringBuilder(LinksRenderer.RenderMarkdown(links));
        text.Append(CultureInfo.InvariantCulture, $"App `{record.App}`");
        if (record.Branch is { } branch)
        {
            text.Append(CultureInfo.InvariantCulture, $", branch `{branch}`");
        }

        text.Append(record switch
        {
            { Keep: true } => "; kept: it does not expire.",
            { ExpiresAt: { } expiresAt } => string.Create(CultureInfo.InvariantCulture, $"; expires at {expiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC unless extended (`-t:PreviewExtend`)."),
            _ => ".",
        });
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>The notice that replaces the links once <c>-t:PreviewDown</c> stopped the environment.</summary>
    public static string Down(string app, string environment, DateTimeOffset stoppedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"### Preview `{environment}` is down\n\nThe environment `{environment}` of `{app}` was stopped at {stoppedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC (`-t:PreviewDown`); its links no longer work. `-t:Preview` starts it again.\n");

    /// <summary>A comment's whole body: the marker on the first line, then <paramref name="markdown"/>.</summary>
    public static string Comment(string marker, string markdown) => marker + "\n" + markdown;
}
