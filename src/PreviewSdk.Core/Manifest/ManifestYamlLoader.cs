using PreviewSdk.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Turns the text of preview.yaml into a <see cref="ManifestNode"/> tree from YamlDotNet's parser events, keeping
/// every node's position. A syntax error is reported as <see cref="DiagnosticCodes.InvalidYaml"/> and ends loading,
/// because nothing after it can be trusted.
/// </summary>
internal sealed class ManifestYamlLoader
{
    // Far deeper than any preview.yaml; it keeps a hostile or broken file from overflowing the stack, which no
    // catch could report.
    private const int MaxDepth = 64;

    private readonly string path;
    private readonly DiagnosticBag diagnostics;
    private readonly Dictionary<string, ManifestNode> anchors = new(StringComparer.Ordinal);
    private IParser parser = null!;
    private Mark lastMark = Mark.Empty;

    private ManifestYamlLoader(string path, DiagnosticBag diagnostics)
    {
        this.path = path;
        this.diagnostics = diagnostics;
    }

    /// <summary>Loads the root node of the first document.</summary>
    /// <returns>
    /// False after a syntax error. True otherwise, with <paramref name="root"/> null when the file holds no
    /// document (empty, or only comments).
    /// </returns>
    public static bool TryLoad(string path, string text, DiagnosticBag diagnostics, out ManifestNode? root) =>
        new ManifestYamlLoader(path, diagnostics).TryLoad(text, out root);

    private bool TryLoad(string text, out ManifestNode? root)
    {
        root = null;
        parser = new Parser(new StringReader(text));
        try
        {
            var documents = 0;
            Next(); // StreamStart
            while (Next() is DocumentStart documentStart)
            {
                documents++;
                var node = ReadNode(Next(), depth: 0);
                Next(); // DocumentEnd
                if (documents == 1)
                {
                    root = node;
                }
                else if (documents == 2)
                {
                    diagnostics.Error(DiagnosticCodes.MultipleDocuments, LocationOf(documentStart.Start));
                }
            }

            return true;
        }
        catch (YamlException exception)
        {
            diagnostics.Error(DiagnosticCodes.InvalidYaml, TabLocation(text, exception) ?? LocationOf(exception.Start), exception.Message);
        }
        catch (ManifestSyntaxException exception)
        {
            diagnostics.Error(DiagnosticCodes.InvalidYaml, exception.Location, exception.Message);
        }

        root = null;
        return false;
    }

    private ManifestNode ReadNode(ParsingEvent current, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ManifestSyntaxException(LocationOf(current.Start), DiagnosticFactory.Format("Text.TooDeep", MaxDepth));
        }

        ManifestNode node;
        switch (current)
        {
            case AnchorAlias alias:
                return anchors.TryGetValue(alias.Value.Value, out var anchored)
                    ? anchored
                    : throw new ManifestSyntaxException(
                        LocationOf(alias.Start), DiagnosticFactory.Format("Text.UnknownAlias", alias.Value.Value));

            case Scalar scalar:
                // An explicit tag (!!str 1) makes a plain scalar a string, like quotes do.
                node = new ManifestScalar(LocationOf(scalar.Start), scalar.Value, scalar.IsPlainImplicit);
                break;

            case SequenceStart sequenceStart:
                var items = new List<ManifestNode>();
                for (var item = Next(); item is not SequenceEnd; item = Next())
                {
                    items.Add(ReadNode(item, depth + 1));
                }

                node = new ManifestSequence(LocationOf(sequenceStart.Start), items);
                break;

            case MappingStart mappingStart:
                var entries = new List<ManifestMappingEntry>();
                for (var key = Next(); key is not MappingEnd; key = Next())
                {
                    var keyNode = ReadNode(key, depth + 1);
                    entries.Add(new ManifestMappingEntry(keyNode, ReadNode(Next(), depth + 1)));
                }

                node = new ManifestMapping(LocationOf(mappingStart.Start), entries);
                break;

            default:
                throw new YamlException(current.Start, current.End, $"Unexpected {current.GetType().Name}.");
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } withAnchor)
        {
            // A later anchor of the same name replaces the earlier one, as the YAML spec says.
            anchors[withAnchor.Anchor.Value] = node;
        }

        return node;
    }

    private ParsingEvent Next()
    {
        bool moved;
        try
        {
            moved = parser.MoveNext();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this instead of a YamlException for some broken flow collections ("a: [1\nb: 2");
            // the last event that did parse is the best position there is.
            throw new ManifestSyntaxException(LocationOf(lastMark), DiagnosticFactory.Format("Text.ParserStopped"));
        }

        if (!moved || parser.Current is null)
        {
            throw new YamlException(lastMark, lastMark, "Unexpected end of the file.");
        }

        lastMark = parser.Current.Start;
        return parser.Current;
    }

    // YamlDotNet reports a tab used as indentation at the start of the mapping it was scanning ((1,1) for a tab on
    // line 20) or at the end of the line before; the tab itself is the first one in the leading whitespace of a line
    // from there on.
    private SourceLocation? TabLocation(string text, YamlException exception)
    {
        if (!exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var lines = text.Split('\n');
        for (var line = (int)Math.Clamp(exception.Start.Line, 1, lines.Length); line <= lines.Length; line++)
        {
            var content = lines[line - 1];
            var indentation = content.Length - content.TrimStart(' ', '\t').Length;
            var tab = content.IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return new SourceLocation(path, line, tab + 1);
            }
        }

        return null;
    }

    private SourceLocation LocationOf(Mark mark) =>
        new(path, (int)Math.Min(mark.Line, int.MaxValue), (int)Math.Min(mark.Column, int.MaxValue));

    /// <summary>A syntax problem found by the loader itself rather than by YamlDotNet.</summary>
    private sealed class ManifestSyntaxException(SourceLocation location, string message) : Exception(message)
    {
        public SourceLocation Location { get; } = location;
    }
}
