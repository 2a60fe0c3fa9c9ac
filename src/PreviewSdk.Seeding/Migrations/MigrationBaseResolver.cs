using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>How many of the source's migrations, from the first, form the base; and the git ref they were read at.</summary>
internal sealed record ResolvedBase(int Count, string? GitRef);

/// <summary>Turns a <see cref="MigrationBase"/> into the migrations (from the first) that form the base.</summary>
internal static class MigrationBaseResolver
{
    public static async Task<ResolvedBase> ResolveAsync(
        IMigrationSource source, IReadOnlyList<MigrationInfo> migrations, MigrationBase migrationBase, SourceLocation location, CancellationToken cancellationToken)
    {
        switch (migrationBase)
        {
            case NamedMigrationBase named:
                return new ResolvedBase(Find(source, migrations, named.Name, location) + 1, null);
            case GitRefMigrationBase gitRef:
                // The base is the run of migrations, from the first, that the ref already has. A migration the branch
                // put before one of the ref's (a rebase) ends the run: it and everything after it are checked.
                var (usedRef, atRef) = await IdsAtRefAsync(source, gitRef, cancellationToken);
                var count = 0;
                while (count < migrations.Count && atRef.Contains(migrations[count].Id))
                {
                    count++;
                }

                return new ResolvedBase(count, usedRef);
            default:
                throw new ArgumentOutOfRangeException(nameof(migrationBase), migrationBase, "Unknown kind of migration base.");
        }
    }

    private static async Task<(string Ref, IReadOnlySet<string> Ids)> IdsAtRefAsync(
        IMigrationSource source, GitRefMigrationBase gitRef, CancellationToken cancellationToken)
    {
        try
        {
            return (gitRef.GitRef, await source.IdsAtGitRefAsync(gitRef.GitRef, cancellationToken));
        }
        catch (MigrationCheckException e) when (e.Diagnostic.Code == DiagnosticCodes.MigrationBaseRefNotFound && gitRef.Fallback is { } fallback)
        {
            try
            {
                return (fallback, await source.IdsAtGitRefAsync(fallback, cancellationToken));
            }
            catch (MigrationCheckException) when (!cancellationToken.IsCancellationRequested)
            {
                // Neither exists: the error names the ref the user would expect, not the fallback.
                throw e;
            }
        }
    }

    private static int Find(IMigrationSource source, IReadOnlyList<MigrationInfo> migrations, string name, SourceLocation location)
    {
        var trimmed = name.Trim();
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            for (var i = 0; i < migrations.Count; i++)
            {
                if (string.Equals(migrations[i].Id, trimmed, comparison) || string.Equals(migrations[i].Name, trimmed, comparison))
                {
                    return i;
                }
            }
        }

        var names = migrations.Select(m => m.Name).ToList();
        throw new MigrationCheckException(DiagnosticFactory.Create(
            DiagnosticCodes.MigrationBaseNotFound,
            location,
            name,
            source.Description,
            DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(trimmed, names)),
            DiagnosticFactory.NameList(names)));
    }
}
