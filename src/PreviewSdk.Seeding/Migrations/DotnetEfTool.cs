using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Scratch;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>
/// Runs <c>dotnet ef</c>, the repository's local tool (or a global one): restores the tool manifest when the
/// command is missing, and turns a failed command into PREVIEW4070 or PREVIEW4071 with its output.
/// </summary>
internal sealed class DotnetEfTool(string workingDirectory, SourceLocation location)
{
    private readonly string dotnet = ExternalProgram.DotnetHost();
    private bool available;

    /// <summary>Makes sure <c>dotnet ef</c> runs, running <c>dotnet tool restore</c> once if it does not.</summary>
    public async Task EnsureAvailableAsync(CancellationToken cancellationToken)
    {
        if (available)
        {
            return;
        }

        var version = await ExternalProgram.RunAsync(dotnet, ["ef", "--version"], workingDirectory, cancellationToken);
        if (!version.Succeeded)
        {
            var restore = await ExternalProgram.RunAsync(dotnet, ["tool", "restore"], workingDirectory, cancellationToken);
            version = await ExternalProgram.RunAsync(dotnet, ["ef", "--version"], workingDirectory, cancellationToken);
            if (!version.Succeeded)
            {
                throw new MigrationCheckException(DiagnosticFactory.Create(DiagnosticCodes.DotnetEfMissing, location, workingDirectory) with
                {
                    Details = restore.LastLines() + "\n" + version.LastLines(),
                });
            }
        }

        available = true;
    }

    /// <summary>Runs <c>dotnet build</c> on a project; PREVIEW4071 when it fails.</summary>
    public async Task BuildAsync(string project, CancellationToken cancellationToken)
    {
        string[] arguments = ["build", project, "-nologo", "-v:q"];
        var build = await ExternalProgram.RunAsync(dotnet, arguments, workingDirectory, cancellationToken);
        if (!build.Succeeded)
        {
            throw Failed(ExternalProgram.Describe("dotnet", arguments), build);
        }
    }

    /// <summary>Runs <c>dotnet ef</c> with <paramref name="arguments"/> and returns its output; PREVIEW4071 when it fails.</summary>
    /// <param name="arguments">The arguments after <c>ef</c>.</param>
    /// <param name="cancellationToken">Kills the command.</param>
    public async Task<ProgramResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        await EnsureAvailableAsync(cancellationToken);
        return await ExternalProgram.RunAsync(dotnet, ["ef", .. arguments], workingDirectory, cancellationToken);
    }

    /// <summary>The diagnostic for a command that failed, with its last output lines as details.</summary>
    public MigrationCheckException Failed(string shown, ProgramResult result) =>
        new(DiagnosticFactory.Create(DiagnosticCodes.DotnetEfFailed, location, shown, result.ExitCode) with { Details = result.LastLines() });
}
