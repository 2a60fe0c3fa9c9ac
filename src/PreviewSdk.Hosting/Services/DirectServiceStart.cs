namespace Aspire.Hosting;

/// <summary>
/// Starts the environment's services as their built programs instead of through a resident <c>dotnet run</c>.
/// </summary>
/// <remarks>
/// Aspire's orchestrator (DCP) starts every project as <c>dotnet run --project P --no-build [--configuration C]
/// --no-launch-profile [--] [arguments]</c>, and <c>dotnet run</c> stays alive as the service's parent for as long
/// as the service runs: about 65 MB of memory per service, a third of an idle environment's. Aspire 13.6 offers
/// no option or annotation that changes that command (its DcpExecutor hard-codes <c>dotnet</c> for every project
/// resource), so this keeps the project resource as it is (variables, endpoints, replicas, health checks,
/// dashboard, commands) and changes only which program answers to the name <c>dotnet</c>: a small script, first on
/// the PATH that the app host hands to DCP, recognises exactly that command for a project the preview build listed
/// (<c>preview.services.tsv</c> beside the app host, written by the SDK's targets with each service's built
/// <c>TargetPath</c>) and replaces itself (<c>exec</c>) with <c>dotnet &lt;the built dll&gt; [arguments]</c>, in
/// the same process DCP started and watches. Any other command, or a project not listed, runs the real
/// <c>dotnet</c> unchanged. See docs/architecture.md ("Services start without a launcher").
/// </remarks>
public static class DirectServiceStart
{
    /// <summary>The file beside the app host that lists each service's project and built assembly, tab separated.</summary>
    public const string TargetsFileName = "preview.services.tsv";

    /// <summary>The variable that names <see cref="TargetsFileName"/> for the script.</summary>
    public const string TargetsVariable = "PREVIEW_SERVICE_TARGETS";

    /// <summary>The variable that names the real <c>dotnet</c> for the script.</summary>
    public const string DotnetVariable = "PREVIEW_DOTNET_HOST";

    /// <summary>
    /// Puts the script first on this process's PATH (which DCP and every resource inherit) when the build listed
    /// the services (<see cref="TargetsFileName"/> exists beside the app host; <c>PreviewServiceLauncher=dotnet-run</c>
    /// leaves it out), the machine is not Windows and bash is on PATH. Returns whether it did.
    /// </summary>
    /// <param name="launchDirectory">Where the script is written (the environment's own folder).</param>
    public static bool Install(string launchDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(launchDirectory);
        var targets = Path.Combine(AppContext.BaseDirectory, TargetsFileName);
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (!File.Exists(targets) || FindDotnet(launchDirectory) is not { } dotnet || FindOnPath("bash") is not { } bash)
        {
            return false;
        }

        WriteScript(launchDirectory, bash);
        Environment.SetEnvironmentVariable(TargetsVariable, targets);
        Environment.SetEnvironmentVariable(DotnetVariable, dotnet);
        Environment.SetEnvironmentVariable("PATH", launchDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"));
        return true;
    }

    /// <summary>Writes the script as <c>dotnet</c> into <paramref name="launchDirectory"/>, run by <paramref name="bash"/>; returns its path.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    internal static string WriteScript(string launchDirectory, string bash)
    {
        var script = Path.Combine(launchDirectory, "dotnet");
        // Replaced whole: DCP may run the script while another start of the same folder rewrites it.
        PreviewSdk.Core.Environments.StateJson.WriteText(script, $"#!{bash}\n{Script}", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return script;
    }

    // The dotnet the orchestrator would have found: the first program of that name on PATH (not a script such as
    // this one, which would call itself), else the one running this app host.
    private static string? FindDotnet(string launchDirectory)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "dotnet");
            if (Path.GetFullPath(folder) != Path.GetFullPath(launchDirectory) && File.Exists(candidate) && !IsScript(candidate))
            {
                return candidate;
            }
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : null;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static bool IsScript(string path)
    {
        Span<byte> start = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.Read(start) == 2 && start.SequenceEqual("#!"u8);
    }

    // Bash (found on PATH when installed; without it nothing is installed) for its indirect ${!i}; every branch ends
    // in exec, so no shell stays behind. The
    // command shape is Aspire's (DcpExecutor.PrepareProjectExecutables): anything that is not exactly that, a
    // build (no --no-build), dotnet watch, an option it does not know, falls through to the real dotnet.
    private const string Script = """
        # Written by PreviewSdk (docs/architecture.md, "Services start without a launcher"): starts a built preview
        # service as `dotnet <its dll>` in place of a resident `dotnet run`; every other command runs the real dotnet.
        real=${PREVIEW_DOTNET_HOST:-/usr/bin/dotnet}
        if [[ ${1:-} == run && ${2:-} == --project && -n ${3:-} && -f ${PREVIEW_SERVICE_TARGETS:-} ]]; then
            i=4 built=no
            while (( i <= $# )); do
                case ${!i} in
                    --no-build) built=yes ;;
                    --configuration) i=$(( i + 1 )) ;;
                    --no-launch-profile) break ;;
                    *) built=no; break ;;
                esac
                i=$(( i + 1 ))
            done
            if [[ $built == yes && ${!i:-} == --no-launch-profile ]]; then
                dll=
                while IFS=$'\t' read -r project target; do
                    if [[ $project == "$3" ]]; then dll=$target; break; fi
                done < "$PREVIEW_SERVICE_TARGETS"
                if [[ -n $dll && -f $dll ]]; then
                    shift "$i"
                    [[ ${1:-} == -- ]] && shift
                    exec "$real" "$dll" "$@"
                fi
            fi
        fi
        exec "$real" "$@"

        """;
}
