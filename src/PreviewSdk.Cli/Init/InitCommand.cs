using System.Reflection;
using System.Text.Json;
using PreviewSdk.Cli.AppHosts;
using PreviewSdk.Cli.Mapping;
using PreviewSdk.Cli.Writing;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Core.Manifest;

namespace PreviewSdk.Cli.Init;

/// <summary>
/// <c>previewsdk init</c>: finds the app host, reads its model from Aspire's publish manifest, maps it and writes
/// the preview project, preview.yaml and the SDK reference (global.json, nuget.config). All or nothing: every file
/// it would create is checked first, and an existing one stops it before anything is written.
/// </summary>
internal sealed class InitCommand(TextWriter output, TextWriter errors)
{
    public int Run(InitOptions options, Func<string, (string? Json, string Folder, PreviewDiagnostic? Error)>? publish = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (appHost, notFound) = AppHostLocator.Find(options.Input);
        if (appHost is null)
        {
            return Fail(notFound!);
        }

        var baseName = AppHostBaseName(appHost);
        var previewFolder = Path.GetFullPath(options.Output ?? Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(appHost)!)!, $"{baseName}.Preview"));
        var previewName = Path.GetFileName(previewFolder.TrimEnd(Path.DirectorySeparatorChar));
        var projectFile = Path.Combine(previewFolder, $"{previewName}.csproj");
        var manifestFile = Path.Combine(previewFolder, "preview.yaml");
        if (new[] { projectFile, manifestFile }.FirstOrDefault(File.Exists) is { } existing)
        {
            return Fail(DiagnosticFactory.Create(DiagnosticCodes.InitFileExists, SourceLocation.WholeFile(existing), existing));
        }

        var (json, folder, failed) = (publish ?? (path => ManifestPublisher.Publish(path, output.WriteLine)))(appHost);
        if (json is null)
        {
            return Fail(failed!);
        }

        AppModel model;
        try
        {
            model = AspireManifestReader.Parse(json, folder);
        }
        catch (JsonException e)
        {
            return Fail(DiagnosticFactory.Create(DiagnosticCodes.InitManifestFailed, SourceLocation.WholeFile(appHost), e.Message));
        }

        if (model.Projects.Count == 0)
        {
            return Fail(DiagnosticFactory.Create(DiagnosticCodes.InitNoAppHost, SourceLocation.WholeFile(appHost), appHost, "its model has no project resources (AddProject)"));
        }

        var appName = options.AppName ?? ResourceName.Normalize(baseName);
        var draft = PreviewDraftMapper.Map(model, appName, ProjectFacts.Read);
        var sdkSource = options.SdkMode == "package" ? null : SourceTreeSdk();
        if (options.SdkMode == "source" && sdkSource is null)
        {
            return Fail(DiagnosticFactory.Create(DiagnosticCodes.InitInvalidArguments, SourceLocation.WholeFile("previewsdk"), "--sdk source needs the tool to run from a PreviewSdk source tree (dotnet run --project src/PreviewSdk.Cli)"));
        }

        Directory.CreateDirectory(previewFolder);
        File.WriteAllText(projectFile, PreviewProjectWriter.Write(draft.Services.Select(s => s.ProjectPath), previewFolder, sdkSource));
        File.WriteAllText(manifestFile, PreviewYamlWriter.Write(draft, Path.GetFileName(appHost), previewFolder));
        var written = new List<string> { $"wrote {projectFile}", $"wrote {manifestFile}" };
        if (sdkSource is null)
        {
            var root = RepositoryRoot(appHost);
            written.Add(SdkReferenceFiles.AddMsBuildSdk(Path.Combine(root, "global.json"), ToolVersion()) ?? "global.json already names this PreviewSdk");
            if (options.Feed is { } feed)
            {
                written.Add(SdkReferenceFiles.AddPackageSource(Path.Combine(root, "nuget.config"), Path.GetFullPath(feed)) ?? "nuget.config already has the feed");
            }
        }

        Report(appHost, draft, written, previewFolder);
        return 0;
    }

    /// <summary>The app host's name without a trailing <c>.AppHost</c>: Starter.AppHost → Starter.</summary>
    public static string AppHostBaseName(string appHost)
    {
        var name = Path.GetFileNameWithoutExtension(appHost);
        return name.EndsWith(".AppHost", StringComparison.OrdinalIgnoreCase) && name.Length > ".AppHost".Length ? name[..^".AppHost".Length] : name;
    }

    private void Report(string appHost, PreviewDraft draft, List<string> written, string previewFolder)
    {
        output.WriteLine($"Adopted {Path.GetFileName(appHost)}: {draft.Services.Count} services, {draft.Dependencies.Count} dependencies, {draft.Seeds.Count} seeded databases.");
        foreach (var line in written)
        {
            output.WriteLine($"  {line}");
        }

        foreach (var service in draft.Services)
        {
            output.WriteLine($"  service {service.Name,-20} {Path.GetFileName(service.ProjectPath)}{(service.Uses.Count > 0 ? $", uses {string.Join(", ", service.Uses)}" : string.Empty)}{(service.Http2Only ? ", HTTP/2 only" : string.Empty)}");
        }

        foreach (var seed in draft.Seeds)
        {
            output.WriteLine($"  seed    {seed.Database,-20} {(seed.MigrationsService is { } m ? $"after '{m}' migrated it" : "as soon as it exists")}, {seed.Tables.Count} tables from the model snapshot");
        }

        if (draft.Review.Count > 0)
        {
            output.WriteLine("Review:");
            foreach (var note in draft.Review)
            {
                output.WriteLine($"  - {note}");
            }
        }

        output.WriteLine($"Next: dotnet build {Path.GetRelativePath(Directory.GetCurrentDirectory(), previewFolder)} -t:Preview");
    }

    private int Fail(PreviewDiagnostic diagnostic)
    {
        errors.WriteLine(diagnostic.ToString());
        if (diagnostic.Details is { Length: > 0 } details)
        {
            errors.WriteLine(details);
        }

        return 1;
    }

    // The folder of the repository: the nearest with .git, else the app's folder (the app host folder's parent).
    private static string RepositoryRoot(string appHost)
    {
        for (var folder = Path.GetDirectoryName(appHost); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git")))
            {
                return folder;
            }
        }

        // The Aspire templates put the app host in a folder of its own beside the solution's other projects.
        return Path.GetDirectoryName(Path.GetDirectoryName(appHost)!)!;
    }

    /// <summary>The <c>sdk/PreviewSdk</c> folder of the PreviewSdk source tree this tool runs from, or null for an installed tool.</summary>
    internal static string? SourceTreeSdk()
    {
        for (var folder = AppContext.BaseDirectory; folder is not null; folder = Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar)))
        {
            var sdk = Path.Combine(folder, "sdk", "PreviewSdk");
            if (File.Exists(Path.Combine(sdk, "Sdk", "Sdk.props")) && Directory.Exists(Path.Combine(folder, "src", "PreviewSdk.Hosting")))
            {
                return sdk;
            }
        }

        return null;
    }

    private static string ToolVersion() =>
        (typeof(InitCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0").Split('+')[0];
}
