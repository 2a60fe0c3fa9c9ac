using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// A node of preview.yaml that keeps where it was written. YamlDotNet's own representation model throws on the
/// first duplicate key, which would hide every later problem, so the reader builds this small tree instead.
/// </summary>
internal abstract class ManifestNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;
}

/// <summary>A single value: a string, number, boolean or null, exactly as written.</summary>
internal sealed class ManifestScalar(SourceLocation location, string value, bool isPlain) : ManifestNode(location)
{
    public string Value { get; } = value;

    /// <summary>Unquoted; only plain scalars can mean null, a number or a boolean.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>YAML's null: nothing at all, <c>~</c> or <c>null</c>, unquoted.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A list, in block (<c>- a</c>) or flow (<c>[a, b]</c>) style.</summary>
internal sealed class ManifestSequence(SourceLocation location, IReadOnlyList<ManifestNode> items) : ManifestNode(location)
{
    public IReadOnlyList<ManifestNode> Items { get; } = items;
}

/// <summary>A map, with its entries in file order, repeated keys included (the reader reports them).</summary>
internal sealed class ManifestMapping(SourceLocation location, IReadOnlyList<ManifestMappingEntry> entries) : ManifestNode(location)
{
    public IReadOnlyList<ManifestMappingEntry> Entries { get; } = entries;
}

/// <summary>One <c>key: value</c> of a map.</summary>
internal readonly record struct ManifestMappingEntry(ManifestNode Key, ManifestNode Value);
