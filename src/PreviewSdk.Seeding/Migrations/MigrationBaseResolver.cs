using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Seeding.Migrations;

/// <summary>Turns a <see cref="MigrationBase"/> into how many of the source's migrations (from the first) form the base.</summary>
internal static class MigrationBaseResolver
{
    public static async Task<int> CountAsync(
        IMigrationSource source, IReadOnlyList<MigrationInfo> migrations, MigrationBase migrationBase, SourceLocation location, CancellationToken cancellationToken)
    {
        switch (migrationBase)
        {
            case NamedMigrationBase named:
                return Find(source, migrations, named.Name, location) + 1;
            case GitRefMigrationBase gitRef:
                // The base is the run of migrations, from the first, that the ref already has. A migration the branch
                // put before one of the ref's (a rebase) ends the run: it and everything after it are checked.
                var atRef = await source.IdsAtGitRefAsync(gitRef.GitRef, cancellationToken);
                var count = 0;
                while (count < migrations.Count && atRef.Contains(migrations[count].Id))
                {
                    count++;
                }

                return count;
            default:
                throw new ArgumentOutOfRangeException(nameof(migrationBase), migrationBase, "Unknown kind of migration base.");
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
