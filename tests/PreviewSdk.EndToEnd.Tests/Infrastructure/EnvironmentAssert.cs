using System.Text.RegularExpressions;

namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>Assertions about an environment as a user sees it: the printed links, and what is left once it is gone.</summary>
internal static class EnvironmentAssert
{
    /// <summary>
    /// The output has the links table: <paramref name="headline"/> (such as <c>Preview 'x' (lightweight) is up in</c>),
    /// then one row per link, the shared link of the directory page first, then the dashboard and the services, each with
    /// exactly the address links.json holds, all through the gateway.
    /// </summary>
    /// <param name="result">The command's output.</param>
    /// <param name="links">links.json.</param>
    /// <param name="headline">The table's first line, up to what varies.</param>
    /// <param name="logIsShared">
    /// The command ran under GitHub Actions, whose log is not private: then the shared row is the directory page
    /// without the token, and the token appears nowhere in the output.
    /// </param>
    public static void PrintedLinksTable(CommandResult result, StateFiles.LinksFile links, string headline, bool logIsShared = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(links);
        Assert.Contains(headline, result.Output, result.ToString());
        if (logIsShared)
        {
            Assert.DoesNotContain("preview_token=", result.Output, $"A CI log must not show the access token. {result}");
        }

        var rows = new[] { ("shared", logIsShared ? links.Directory : links.SharedLink), ("dashboard", links.Dashboard) }.Concat(links.Services.Select(service => (service.Name, service.Url)));
        foreach (var (name, url) in rows)
        {
            Assert.MatchesRegex(new Regex($@"(?m)^\s+{Regex.Escape(name)}\s+{Regex.Escape(url)}\s*$"), result.Output, $"No row for {name} {url}. {result}");
        }

        Assert.MatchesRegex(new Regex($@"(?m)^\s+shared\s+http://{Regex.Escape(links.Environment)}\.localhost:\d+/(\?preview_token=[A-Za-z0-9_-]{{43}})?\s*$"), result.Output, $"The shared link is not the first row. {result}");
        var sharedRow = result.Output.IndexOf("  shared  ", StringComparison.Ordinal);
        Assert.IsTrue(sharedRow >= 0 && sharedRow < result.Output.IndexOf("  dashboard  ", StringComparison.Ordinal), $"The shared link comes first. {result}");
    }

    /// <summary>
    /// Nothing of the environment is left: its state folder and its temp folder (with Aspire's orchestrator
    /// session, <c>aspire-dcp*</c>) are gone and no live process carries any of <paramref name="environmentIds"/>
    /// (which must not be empty, or the check would prove nothing).
    /// </summary>
    public static void LeftNothingBehind(PreviewUnderTest preview, IReadOnlyCollection<string> environmentIds, CommandResult lastCommand)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(environmentIds);
        Assert.IsNotEmpty(environmentIds, $"No environment id was seen, so there is nothing to check processes against. {lastCommand}");
        Assert.IsFalse(Directory.Exists(preview.StateFolder), $"The state folder {preview.StateFolder} is still there. {lastCommand}");
        foreach (var environmentId in environmentIds)
        {
            var survivors = EnvironmentProcessTable.Carrying(environmentId);
            Assert.IsEmpty(survivors, $"Processes of environment {environmentId} still run:\n{string.Join('\n', survivors)}\n{lastCommand}");
            var temp = PreviewUnderTest.TempFolderOf(environmentId);
            Assert.IsFalse(Directory.Exists(temp), $"The environment's temp folder {temp} is still there. {lastCommand}");
        }
    }

    /// <summary>
    /// The links of an environment as a test checks them afterwards: every gateway link and, read from resources.json
    /// while it runs, every resource's own endpoint behind it.
    /// </summary>
    public static IReadOnlyList<string> AllAddresses(PreviewUnderTest preview, StateFiles.LinksFile links)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(links);
        var direct = StateFiles.ReadResources(preview.StateFolder).Resources.SelectMany(resource => resource.Urls).Where(url => url.StartsWith("http", StringComparison.Ordinal));
        return [links.Directory, links.Dashboard, .. links.Services.Select(service => service.Url), .. direct];
    }

    /// <summary>Every one of <paramref name="links"/> refuses connections.</summary>
    public static void NothingListensAt(IEnumerable<string> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links)
        {
            var accepting = ListeningPorts.Accepting(new Uri(link));
            Assert.IsEmpty(accepting, $"Something still accepts connections for {link} at {string.Join(", ", accepting)}.");
        }
    }
}
