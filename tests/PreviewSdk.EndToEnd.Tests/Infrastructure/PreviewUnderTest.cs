namespace PreviewSdk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One named environment of one preview project, driven through <c>dotnet build -t:Preview|PreviewDown|PreviewList</c>
/// with a state root of its own. It remembers every environment id it sees start, so that a test can check what a
/// failed start left behind and so that <see cref="Dispose"/> leaves nothing running, whatever the test asserted.
/// </summary>
internal sealed class PreviewUnderTest : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private readonly HashSet<string> seenEnvironmentIds = new(StringComparer.Ordinal);
    private readonly TestContext context;
    private readonly bool ownsStateRoot;

    /// <param name="projectPath">The preview project.</param>
    /// <param name="app">Its app name (preview.yaml's <c>app:</c>), which names the state folder's parent.</param>
    /// <param name="purpose">A few letters naming the test, put into the environment's name.</param>
    /// <param name="context">Where command summaries are logged.</param>
    /// <param name="sharedStateRoot">
    /// A registry root shared with other environments of the test, which the test deletes; null for one of its own.
    /// </param>
    public PreviewUnderTest(string projectPath, string app, string purpose, TestContext context, string? sharedStateRoot = null)
    {
        ProjectPath = projectPath;
        App = app;
        Name = $"e2e-{purpose}-{Guid.NewGuid().ToString("N")[..8]}";
        ownsStateRoot = sharedStateRoot is null;
        StateRoot = sharedStateRoot ?? Directory.CreateTempSubdirectory("previewsdk-e2e-state-").FullName;
        this.context = context;
    }

    public string ProjectPath { get; }

    public string App { get; }

    /// <summary>The environment's name (-p:PreviewName), unique per test.</summary>
    public string Name { get; }

    /// <summary>The registry root (-p:PreviewStateRoot), a temporary folder of this test.</summary>
    public string StateRoot { get; }

    /// <summary>The environment's state folder: <c>&lt;root&gt;/&lt;app&gt;/&lt;name&gt;</c>.</summary>
    public string StateFolder => Path.Combine(StateRoot, App, Name);

    /// <summary>Every environment id seen in environment.json while a <see cref="Preview"/> ran, in no particular order.</summary>
    public IReadOnlyCollection<string> SeenEnvironmentIds => seenEnvironmentIds;

    /// <summary>
    /// <c>dotnet build -t:Preview</c> with this environment's name and state root, plus <paramref name="arguments"/>
    /// (such as <c>-p:PreviewTimeout=20</c>). Watches the state folder meanwhile to learn the environment id.
    /// </summary>
    /// <param name="arguments">Extra arguments of the build.</param>
    /// <param name="environment">Variables of the build.</param>
    /// <param name="prefix">A program that runs the build (<see cref="DotnetCli.Run"/>).</param>
    public CommandResult Preview(IReadOnlyList<string>? arguments = null, IReadOnlyDictionary<string, string?>? environment = null, IReadOnlyList<string>? prefix = null) =>
        Build("Preview", arguments, environment, WatchEnvironmentId, prefix);

    /// <summary><c>dotnet build -t:PreviewDown</c> for this environment, with <paramref name="environment"/> variables.</summary>
    public CommandResult Down(IReadOnlyDictionary<string, string?>? environment = null) => Build("PreviewDown", environment: environment);

    /// <summary><c>dotnet build -t:PreviewSeed</c> for this environment, plus <paramref name="arguments"/>.</summary>
    public CommandResult Seed(params string[] arguments) => Build("PreviewSeed", arguments);

    /// <summary><c>dotnet build -t:PreviewExtend</c> for this environment, plus <paramref name="arguments"/> (PreviewTtl, PreviewKeep).</summary>
    public CommandResult Extend(params string[] arguments) => Build("PreviewExtend", arguments);

    /// <summary><c>dotnet build -t:PreviewRotateToken</c> for this environment.</summary>
    public CommandResult RotateToken() => Build("PreviewRotateToken");

    /// <summary><c>dotnet build -t:PreviewPrune</c> over this test's state root.</summary>
    public CommandResult Prune() => Build("PreviewPrune");

    /// <summary><c>dotnet build -t:PreviewTest</c> for this environment: its checks, once.</summary>
    public CommandResult Test() => Build("PreviewTest");

    /// <summary><c>dotnet build -t:PreviewList</c> over this test's state root.</summary>
    public CommandResult List() => Build("PreviewList");

    public StateFiles.EnvironmentFile ReadEnvironment() => StateFiles.ReadEnvironment(StateFolder);

    public StateFiles.LinksFile ReadLinks() => StateFiles.ReadLinks(StateFolder);

    /// <summary>The live processes that carry any environment id seen so far.</summary>
    public IReadOnlyList<EnvironmentProcessTable.Entry> ProcessesOfSeenEnvironments() =>
        seenEnvironmentIds.SelectMany(EnvironmentProcessTable.Carrying).ToList();

    /// <summary>Stops the environment if its state is still there, then kills whatever still carries a seen id.</summary>
    public void Dispose()
    {
        if (Directory.Exists(StateFolder))
        {
            context.WriteLine($"Clean-up: the state folder of '{Name}' is still there; running PreviewDown.");
            Down();
        }

        foreach (var environmentId in seenEnvironmentIds)
        {
            if (EnvironmentProcessTable.Carrying(environmentId).Count > 0)
            {
                context.WriteLine($"Clean-up: killing the processes that still carry {environmentId}.");
                EnvironmentProcessTable.KillAll(environmentId);
            }

            DeleteQuietly(Path.Combine(Path.GetTempPath(), "previewsdk-data", environmentId));
            DeleteQuietly(TempFolderOf(environmentId));
        }

        if (ownsStateRoot)
        {
            RemoveTemplateImages();
            DeleteQuietly(StateRoot);
        }
    }

    // A PostgreSQL container's seeded-data template is an image of the engine, named in its template.json; deleting
    // the state root alone would leave it there.
    private void RemoveTemplateImages()
    {
        var templates = Path.Combine(StateRoot, "templates");
        if (!Directory.Exists(templates))
        {
            return;
        }

        foreach (var record in Directory.GetFiles(templates, "template.json", SearchOption.AllDirectories))
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(record));
            if (json.RootElement.TryGetProperty("image", out var image) && image.ValueKind == System.Text.Json.JsonValueKind.Object
                && image.GetProperty("name").GetString() is { } name)
            {
                context.WriteLine($"Clean-up: removing the template image {name}.");
                ContainerEngine.TryRun("rmi", name);
            }
        }
    }

    private CommandResult Build(
        string target,
        IReadOnlyList<string>? arguments = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action? whileRunning = null,
        IReadOnlyList<string>? prefix = null)
    {
        List<string> command = ["build", ProjectPath, $"-t:{target}", $"-p:PreviewName={Name}", $"-p:PreviewStateRoot={StateRoot}", "-tl:off"];
        command.AddRange(arguments ?? []);
        var result = DotnetCli.Run(Path.GetDirectoryName(ProjectPath)!, command, CommandTimeout, environment, whileRunning, prefix);
        context.WriteLine(result.Summary);
        return result;
    }

    private void WatchEnvironmentId()
    {
        if (StateFiles.TryReadEnvironmentId(StateFolder) is { } environmentId)
        {
            seenEnvironmentIds.Add(environmentId);
        }
    }

    /// <summary>The environment's own temp folder (its processes' TMPDIR), which its teardown deletes.</summary>
    public static string TempFolderOf(string environmentId) => Path.Combine(Path.GetTempPath(), "previewsdk-tmp", environmentId);

    /// <summary>Deletes a temporary folder, leaving it to the machine's temp clean-up when that fails.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary folder; the machine's temp clean-up gets what a test could not.
        }
    }
}
