using System.Globalization;
using PreviewSdk.Core.Diagnostics;

namespace PreviewSdk.Core.Manifest;

/// <summary>
/// Reads typed values out of <see cref="ManifestNode"/>s and reports every shape problem (wrong type, unknown or
/// repeated key) where it is, returning nothing for the broken part so the caller can carry on with the rest.
/// </summary>
/// <remarks>
/// A key path such as <c>services.shop-api.replicas</c> names the place in messages, because a line number
/// alone does not say which of several similar blocks is meant.
/// </remarks>
internal sealed class ManifestNodeReader(DiagnosticBag diagnostics)
{
    /// <summary>Where problems are reported; section readers add their own checks to it.</summary>
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    /// <summary>
    /// The entries of a map, in file order, without repeated or (when <paramref name="allowedKeys"/> is given)
    /// unknown keys, which are reported. A YAML null reads as an empty map, because <c>services:</c> with
    /// nothing under it plainly means "none".
    /// </summary>
    public IReadOnlyList<(Located<string> Key, ManifestNode Value)> ReadMap(
        ManifestNode node, string keyPath, IReadOnlyList<string>? allowedKeys = null)
    {
        if (node is ManifestScalar { IsNull: true })
        {
            return [];
        }

        if (node is not ManifestMapping mapping)
        {
            ReportWrongType(node, keyPath, "Text.Shape.Map");
            return [];
        }

        var entries = new List<(Located<string>, ManifestNode)>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Entries)
        {
            if (keyNode is not ManifestScalar { IsNull: false } key)
            {
                ReportWrongType(keyNode, $"{keyPath} key", "Text.Shape.String");
                continue;
            }

            var childPath = Child(keyPath, key.Value);
            if (seen.TryGetValue(key.Value, out var first))
            {
                Diagnostics.Error(
                    DiagnosticCodes.DuplicateName,
                    key.Location,
                    DiagnosticText.Echo(key.Value),
                    DiagnosticFactory.Format("Text.Owner.Key"),
                    first.ToShortString());
                continue;
            }

            seen.Add(key.Value, key.Location);
            if (allowedKeys is not null && !allowedKeys.Contains(key.Value, StringComparer.Ordinal))
            {
                Diagnostics.Error(
                    DiagnosticCodes.UnknownKey,
                    key.Location,
                    DiagnosticText.Echo(childPath),
                    DiagnosticFactory.DidYouMean(SpellingSuggestion.FindClosest(key.Value, allowedKeys)),
                    DiagnosticFactory.NameList(allowedKeys));
                continue;
            }

            entries.Add((new Located<string>(key.Value, key.Location), value));
        }

        return entries;
    }

    /// <summary>A single value as written; null (reported) for a map, a list or an empty value.</summary>
    public Located<string>? ReadText(ManifestNode node, string keyPath)
    {
        if (node is ManifestScalar { IsNull: false } scalar)
        {
            return new Located<string>(scalar.Value, scalar.Location);
        }

        ReportWrongType(node, keyPath, "Text.Shape.String");
        return null;
    }

    /// <summary>
    /// A whole number from 1 to <paramref name="maximum"/>; null when it is not a number
    /// (<see cref="DiagnosticCodes.WrongType"/>) or is out of that range (<see cref="DiagnosticCodes.InvalidValue"/>,
    /// with the <c>Text.Rule.*</c> sentence <paramref name="ruleKey"/> as its fix).
    /// </summary>
    public Located<int>? ReadPositiveInteger(ManifestNode node, string keyPath, int maximum, string ruleKey)
    {
        if (node is not ManifestScalar { IsNull: false, IsPlain: true } scalar || !IsIntegerLiteral(scalar.Value))
        {
            ReportWrongType(node, keyPath, "Text.Shape.Integer");
            return null;
        }

        if (!int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < 1 || value > maximum)
        {
            ReportInvalidValue(scalar, keyPath, DiagnosticFactory.Format(ruleKey, maximum));
            return null;
        }

        return new Located<int>(value, scalar.Location);
    }

    /// <summary>
    /// A service's replicas: from 1 to <see cref="ManifestBounds.MaximumReplicas"/> (<c>services:</c> and a profile's
    /// <c>services:</c>); null (reported) otherwise.
    /// </summary>
    public Located<int>? ReadReplicas(ManifestNode node, string keyPath) =>
        ReadPositiveInteger(node, keyPath, ManifestBounds.MaximumReplicas, "Text.Rule.Replicas");

    /// <summary><c>true</c> or <c>false</c>, unquoted; null (reported) for anything else.</summary>
    public Located<bool>? ReadBoolean(ManifestNode node, string keyPath)
    {
        if (node is ManifestScalar { IsPlain: true } scalar && bool.TryParse(scalar.Value, out var value))
        {
            return new Located<bool>(value, scalar.Location);
        }

        ReportWrongType(node, keyPath, "Text.Shape.Boolean");
        return null;
    }

    /// <summary>A finite number, unquoted (<c>0.5</c>, <c>20</c>); null (reported) for anything else. Ranges are the caller's.</summary>
    public Located<double>? ReadNumber(ManifestNode node, string keyPath)
    {
        if (node is ManifestScalar { IsNull: false, IsPlain: true } scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return new Located<double>(value, scalar.Location);
        }

        ReportWrongType(node, keyPath, "Text.Shape.Number");
        return null;
    }

    /// <summary>
    /// A list of names (<c>uses</c>, <c>databases</c>). A YAML null reads as an empty list; items that are not
    /// text or are blank are reported and left out.
    /// </summary>
    public IReadOnlyList<Located<string>> ReadNameList(ManifestNode node, string keyPath)
    {
        if (node is ManifestScalar { IsNull: true })
        {
            return [];
        }

        if (node is not ManifestSequence sequence)
        {
            ReportWrongType(node, keyPath, "Text.Shape.List");
            return [];
        }

        var names = new List<Located<string>>();
        foreach (var item in sequence.Items)
        {
            if (item is ManifestScalar scalar && (scalar.IsNull || string.IsNullOrWhiteSpace(scalar.Value)))
            {
                ReportInvalidValue(scalar, keyPath, DiagnosticFactory.Format("Text.Rule.EmptyEntry"));
            }
            else if (ReadText(item, $"{keyPath} entry") is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Reports <see cref="DiagnosticCodes.InvalidValue"/> for a scalar that breaks a rule.</summary>
    /// <param name="scalar">The offending value.</param>
    /// <param name="keyPath">Where it is.</param>
    /// <param name="fix">The rule, phrased as the fix.</param>
    public void ReportInvalidValue(ManifestScalar scalar, string keyPath, string fix) =>
        Diagnostics.Error(DiagnosticCodes.InvalidValue, scalar.Location, DiagnosticText.Echo(keyPath), DiagnosticText.Echo(scalar.Value), fix);

    /// <summary>Reports <see cref="DiagnosticCodes.WrongType"/>.</summary>
    /// <param name="node">The offending node.</param>
    /// <param name="keyPath">Where it is.</param>
    /// <param name="expectedShapeKey">The <c>Text.Shape.*</c> resource key of what belongs there.</param>
    public void ReportWrongType(ManifestNode node, string keyPath, string expectedShapeKey) =>
        Diagnostics.Error(
            DiagnosticCodes.WrongType,
            node.Location,
            DiagnosticText.Echo(keyPath),
            DiagnosticFactory.Format(expectedShapeKey),
            DescribeFound(node));

    /// <summary>The key path of a child: <c>services</c> + <c>shop-api</c> → <c>services.shop-api</c>.</summary>
    public static string Child(string keyPath, string key) => keyPath.Length == 0 ? key : $"{keyPath}.{key}";

    private static string DescribeFound(ManifestNode node) => node switch
    {
        ManifestMapping => DiagnosticFactory.Format("Text.Found.Map"),
        ManifestSequence => DiagnosticFactory.Format("Text.Found.List"),
        ManifestScalar { IsNull: true } => DiagnosticFactory.Format("Text.Found.Nothing"),
        ManifestScalar { IsPlain: true } scalar => DiagnosticFactory.Format("Text.Found.Value", scalar.Value),
        ManifestScalar scalar => DiagnosticFactory.Format("Text.Found.QuotedValue", scalar.Value),
        _ => node.GetType().Name,
    };

    private static bool IsIntegerLiteral(string text)
    {
        var digits = text.AsSpan().TrimStart("+-");
        return digits.Length > 0 && text.Length - digits.Length <= 1 && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
