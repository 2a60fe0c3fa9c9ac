namespace PreviewSdk.Seeding.Checks;

/// <summary>Type names after <c>::</c>, multi-word and with modifiers (<c>character varying(40)[]</c>): kept in the tree as text, since rules look through casts.</summary>
internal sealed partial class CheckSyntaxParser
{
    // Words that follow the first word of a multi-word type name: character varying, double precision,
    // timestamp without time zone…
    private static readonly HashSet<string> TypeNameContinuations = ["varying", "precision", "with", "without", "time", "zone"];

    private string ParseTypeName()
    {
        if (Current.Kind != CheckTokenKind.Identifier)
        {
            throw Unexpected();
        }

        var name = Current.Text;
        position++;
        while (Current.Is(CheckTokenKind.Punctuation, ".") && Next.Kind == CheckTokenKind.Identifier)
        {
            name += "." + Next.Text;
            position += 2;
        }

        while (true)
        {
            if (Current.Word is not null && TypeNameContinuations.Contains(Current.Text))
            {
                name += " " + Current.Text;
                position++;
            }
            else if (Current.Is(CheckTokenKind.Punctuation, "("))
            {
                name += "(" + string.Join(",", SkipModifiers(")")) + ")";
            }
            else if (Current.Is(CheckTokenKind.Punctuation, "["))
            {
                SkipModifiers("]");
                name += "[]";
            }
            else
            {
                return name;
            }
        }
    }

    private List<string> SkipModifiers(string close)
    {
        position++;
        var modifiers = new List<string>();
        while (!Current.Is(CheckTokenKind.Punctuation, close))
        {
            if (Current.Kind == CheckTokenKind.Number)
            {
                modifiers.Add(Current.Text);
            }
            else if (!Current.Is(CheckTokenKind.Punctuation, ","))
            {
                throw Unexpected();
            }

            position++;
        }

        position++;
        return modifiers;
    }
}
