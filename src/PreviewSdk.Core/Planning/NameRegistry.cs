using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Planning;

/// <summary>
/// The one set of names shared by dependencies, databases and services: a <c>uses</c> entry names any of them,
/// so two of them with the same name would make it ambiguous. The first claim of a name keeps it; every later
/// one is reported as <see cref="DiagnosticCodes.DuplicateName"/> at its own location.
/// </summary>
internal sealed class NameRegistry(string manifestPath, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, NameClaim> claims = new(StringComparer.Ordinal);
    private readonly List<string> namesInOrder = [];

    /// <summary>Every registered name, in the order they were claimed.</summary>
    public IReadOnlyList<string> Names => namesInOrder;

    /// <summary>
    /// Registers names. The earlier one in preview.yaml counts as first (so the error lands on the one written
    /// later); names from elsewhere (ProjectReferences) come after all of preview.yaml, in the order given.
    /// </summary>
    public void ClaimAll(IEnumerable<NameClaim> newClaims)
    {
        var ordered = newClaims
            .Select((claim, index) => (claim, index))
            .OrderBy(x => x.claim.Location.File == manifestPath ? 0 : 1)
            .ThenBy(x => x.claim.Location.File == manifestPath ? x.claim.Location.Line : 0)
            .ThenBy(x => x.claim.Location.File == manifestPath ? x.claim.Location.Column : 0)
            .ThenBy(x => x.index)
            .Select(x => x.claim);

        foreach (var claim in ordered)
        {
            if (claims.TryGetValue(claim.Name, out var first))
            {
                diagnostics.Error(
                    DiagnosticCodes.DuplicateName, claim.Location, claim.Name, first.Owner, first.Location.ToShortString());
                continue;
            }

            claims.Add(claim.Name, claim);
            namesInOrder.Add(claim.Name);
        }
    }

    /// <summary>What a name refers to, or null when nothing has it.</summary>
    public ReferenceKind? Find(string name) => claims.TryGetValue(name, out var claim) ? claim.Kind : null;
}

/// <summary>A name being registered.</summary>
/// <param name="Name">The name.</param>
/// <param name="Kind">What it names.</param>
/// <param name="Location">Where it is written.</param>
/// <param name="Owner">How messages describe its owner ("the dependency").</param>
internal sealed record NameClaim(string Name, ReferenceKind Kind, SourceLocation Location, string Owner);
