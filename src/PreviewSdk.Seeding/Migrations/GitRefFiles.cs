using PreviewSdk.Core.Binaries;
using PreviewSdk.Core.Diagnostics;
using PreviewSdk.Seeding.Scratch;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>Which files a folder held at a git ref, read with <c>git ls-tree</c> (nothing is checked out).</summary>
internal static class GitRefFiles
{
    /// <summary>The files under <paramref name="folder"/> at <paramref name="gitRef"/>, as paths relative to it with '/' separators.</summary>
    /// <exception cref="MigrationCheckException">git is missing, the folder is not in a work tree, or the ref does not exist.</exception>
    public static async Task<IReadOnlyList<string>> ListAsync(string folder, string gitRef, SourceLocation location, CancellationToken cancellationToken)
    {
        // An option-looking ref would be read by git as an option.
        if (gitRef.StartsWith('-') || gitRef.Length == 0)
        {
            throw new MigrationCheckException(DiagnosticFactory.Create(DiagnosticCodes.MigrationBaseRefNotFound, location, gitRef, folder));
        }

        var workTree = await ExternalProgram.RunAsync("git", ["rev-parse", "--show-toplevel"], folder, cancellationToken);
        if (!workTree.Succeeded)
        {
            throw new MigrationCheckException(DiagnosticFactory.Create(
                DiagnosticCodes.MigrationBaseNeedsGit, location, gitRef, folder, workTree.LastLines(2).ReplaceLineEndings(" ")));
        }

        var commit = await ExternalProgram.RunAsync("git", ["rev-parse", "--verify", "--quiet", gitRef + "^{commit}"], folder, cancellationToken);
        if (!commit.Succeeded)
        {
            throw new MigrationCheckException(DiagnosticFactory.Create(DiagnosticCodes.MigrationBaseRefNotFound, location, gitRef, folder));
        }

        // Run inside the folder, ls-tree takes '.' as the folder and prints paths relative to it.
        var tree = await ExternalProgram.RunAsync("git", ["ls-tree", "-r", "--name-only", "-z", commit.Output.Trim(), "--", "."], folder, cancellationToken);
        if (!tree.Succeeded)
        {
            throw new MigrationCheckException(DiagnosticFactory.Create(
                DiagnosticCodes.MigrationBaseNeedsGit, location, gitRef, folder, tree.LastLines(2).ReplaceLineEndings(" ")));
        }

        return tree.Output.Split(['\0', '\n'], StringSplitOptions.RemoveEmptyEntries);
    }
}
