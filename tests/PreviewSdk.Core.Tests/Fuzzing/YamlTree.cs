using System.Text;

namespace PreviewSdk.Core.Tests.Fuzzing;

/// <summary>
/// A preview.yaml document as the fuzzer mutates it: maps, lists and scalars whose text is already a YAML token
/// (plain, quoted, or anything else a user might type), rendered in block or flow style.
/// </summary>
internal abstract record YamlTree
{
    public static YamlScalar Plain(string token) => new(token);

    public static YamlMap Map(params (string Key, YamlTree Value)[] entries) =>
        new(entries.Select(entry => ((YamlTree)Plain(entry.Key), entry.Value)).ToList());

    public static YamlList List(params YamlTree[] items) => new(items.ToList());

    /// <summary>The document's text; <paramref name="flowFrom"/> turns maps and lists at that depth and below into flow style.</summary>
    public string Render(int flowFrom = int.MaxValue)
    {
        var text = new StringBuilder();
        Write(text, this, indent: 0, depth: 0, flowFrom);
        return text.ToString();
    }

    private static void Write(StringBuilder text, YamlTree node, int indent, int depth, int flowFrom)
    {
        switch (node)
        {
            case YamlMap { Entries.Count: > 0 } map when depth < flowFrom:
                foreach (var (key, value) in map.Entries)
                {
                    text.Append(' ', indent).Append(Flow(key)).Append(':');
                    WriteChild(text, value, indent, depth, flowFrom);
                }

                break;
            case YamlList { Items.Count: > 0 } list when depth < flowFrom:
                foreach (var item in list.Items)
                {
                    text.Append(' ', indent).Append('-');
                    WriteChild(text, item, indent, depth, flowFrom);
                }

                break;
            default:
                text.Append(' ', indent).Append(Flow(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder text, YamlTree value, int indent, int depth, int flowFrom)
    {
        if (value is YamlScalar || depth + 1 >= flowFrom || value is YamlMap { Entries.Count: 0 } or YamlList { Items.Count: 0 })
        {
            text.Append(' ').Append(Flow(value)).Append('\n');
        }
        else
        {
            text.Append('\n');
            Write(text, value, indent + 2, depth + 1, flowFrom);
        }
    }

    private static string Flow(YamlTree node) => node switch
    {
        YamlScalar scalar => scalar.Token,
        YamlMap map => "{" + string.Join(", ", map.Entries.Select(entry => $"{Flow(entry.Key)}: {Flow(entry.Value)}")) + "}",
        YamlList list => "[" + string.Join(", ", list.Items.Select(Flow)) + "]",
        _ => throw new InvalidOperationException(),
    };
}

internal sealed record YamlScalar(string Token) : YamlTree;

internal sealed record YamlMap(List<(YamlTree Key, YamlTree Value)> Entries) : YamlTree;

internal sealed record YamlList(List<YamlTree> Items) : YamlTree;
