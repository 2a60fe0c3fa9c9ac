namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// A recursive-descent (precedence-climbing) parser from the tokens of a CHECK definition to a
/// <see cref="CheckSyntax"/> tree, with PostgreSQL's operator precedence. It accepts the general shape of
/// expressions so that whatever it cannot turn into rules is refused later, in one place, by
/// <see cref="CheckExpressionParser"/>; it throws <see cref="FormatException"/> only on text that is not an
/// expression it knows (subqueries, COLLATE, subscripts…).
/// </summary>
internal sealed partial class CheckSyntaxParser
{
    // PostgreSQL's precedence, lowest first (see "Operator Precedence" in its docs).
    private const int OrPrecedence = 1;
    private const int AndPrecedence = 2;
    private const int NotPrecedence = 3;
    private const int IsPrecedence = 4;
    private const int ComparisonPrecedence = 5;
    private const int InLikeBetweenPrecedence = 6;
    private const int OtherOperatorPrecedence = 7;
    private const int AdditivePrecedence = 8;
    private const int MultiplicativePrecedence = 9;
    private const int PowerPrecedence = 10;
    private const int UnaryMinusPrecedence = 11;
    private const int CastPrecedence = 12;

    private static readonly HashSet<string> ComparisonOperators = ["=", "<>", "!=", "<", "<=", ">", ">="];

    // Reserved words that can never be a bare column name (PostgreSQL quotes such names when it prints them).
    private static readonly HashSet<string> ReservedWords =
    [
        "select", "from", "where", "case", "when", "then", "else", "end", "exists", "and", "or", "not", "is", "in",
        "any", "all", "some", "array", "null", "true", "false", "between", "like", "ilike", "similar", "distinct",
        "collate", "check", "cast",
    ];

    private readonly List<CheckToken> tokens;
    private int position;

    private CheckSyntaxParser(List<CheckToken> tokens) => this.tokens = tokens;

    private CheckToken Current => tokens[position];

    private CheckToken Next => tokens[Math.Min(position + 1, tokens.Count - 1)];

    /// <summary>
    /// The tree of a definition as <c>pg_get_constraintdef</c> prints it (<c>CHECK (…)</c>, optionally followed by
    /// <c>NO INHERIT</c> or <c>NOT VALID</c>), or of a bare expression.
    /// </summary>
    /// <exception cref="FormatException">Text beyond the grammar.</exception>
    public static CheckSyntax Parse(string definition)
    {
        var parser = new CheckSyntaxParser(CheckTokenizer.Tokenize(definition));
        return parser.ParseDefinition();
    }

    private CheckSyntax ParseDefinition()
    {
        CheckSyntax expression;
        if (Current.IsKeyword("check") && Next.Is(CheckTokenKind.Punctuation, "("))
        {
            position += 2;
            expression = ParseExpression(0);
            Expect(")");
            SkipWords("no", "inherit");
            SkipWords("not", "valid");
        }
        else
        {
            expression = ParseExpression(0);
        }

        if (Current.Kind != CheckTokenKind.End)
        {
            throw Unexpected();
        }

        return expression;
    }

    private void SkipWords(string first, string second)
    {
        if (Current.IsKeyword(first) && Next.IsKeyword(second))
        {
            position += 2;
        }
    }

    private CheckSyntax ParseExpression(int minimumPrecedence)
    {
        var left = ParsePrefix();
        while (true)
        {
            var token = Current;
            var precedence = InfixPrecedence(token);
            if (precedence < 0 || precedence < minimumPrecedence)
            {
                return left;
            }

            left = ParseInfix(left, token, precedence);
        }
    }

    private CheckSyntax ParsePrefix()
    {
        var token = Current;
        switch (token.Kind)
        {
            case CheckTokenKind.Punctuation when token.Text == "(":
                position++;
                var inner = ParseExpression(0);
                Expect(")");
                return inner;
            case CheckTokenKind.Operator when token.Text is "-" or "+":
                position++;
                return new UnarySyntax(token.Text, ParseExpression(UnaryMinusPrecedence));
            case CheckTokenKind.Number:
                position++;
                return new ConstantSyntax(token.Text, IsString: false);
            case CheckTokenKind.String:
                position++;
                return new ConstantSyntax(token.Text, IsString: true);
            case CheckTokenKind.Identifier:
                return ParseWord(token);
            default:
                throw Unexpected();
        }
    }

    private CheckSyntax ParseWord(CheckToken token)
    {
        if (token.IsKeyword("not"))
        {
            position++;
            return new UnarySyntax("NOT", ParseExpression(NotPrecedence));
        }

        if (token.IsKeyword("true") || token.IsKeyword("false"))
        {
            position++;
            return new ConstantSyntax(token.Text, IsString: false);
        }

        if (token.IsKeyword("null"))
        {
            position++;
            return new ConstantSyntax(null, IsString: false);
        }

        if (token.IsKeyword("case"))
        {
            return ParseCase();
        }

        if (token.IsKeyword("array") && Next.Is(CheckTokenKind.Punctuation, "["))
        {
            position += 2;
            return new ArraySyntax(ParseList("]"));
        }

        position++;
        var name = token.Text;
        while (Current.Is(CheckTokenKind.Punctuation, ".") && Next.Kind == CheckTokenKind.Identifier)
        {
            // Only a schema-qualified function is expected; a qualified column is not something CHECK prints.
            name = Next.Text;
            position += 2;
            if (!Current.Is(CheckTokenKind.Punctuation, "("))
            {
                throw Unexpected();
            }
        }

        if (Current.Is(CheckTokenKind.Punctuation, "("))
        {
            position++;
            return new CallSyntax(name, ParseList(")"));
        }

        if (token.Word is not null && ReservedWords.Contains(token.Text))
        {
            throw Unexpected(token);
        }

        // In a domain check PostgreSQL prints the value as upper-case VALUE; a column named value prints lower case.
        return new ColumnSyntax(token.Word == "VALUE" ? "VALUE" : name);
    }

    private List<CheckSyntax> ParseList(string close)
    {
        var items = new List<CheckSyntax>();
        if (Current.Is(CheckTokenKind.Punctuation, close))
        {
            position++;
            return items;
        }

        while (true)
        {
            items.Add(ParseExpression(0));
            if (Current.Is(CheckTokenKind.Punctuation, ","))
            {
                position++;
                continue;
            }

            Expect(close);
            return items;
        }
    }

    private static int InfixPrecedence(CheckToken token) => token.Kind switch
    {
        CheckTokenKind.Identifier when token.IsKeyword("or") => OrPrecedence,
        CheckTokenKind.Identifier when token.IsKeyword("and") => AndPrecedence,
        CheckTokenKind.Identifier when token.IsKeyword("is") || token.IsKeyword("isnull") || token.IsKeyword("notnull") => IsPrecedence,
        CheckTokenKind.Identifier when token.IsKeyword("not") || token.IsKeyword("in") || token.IsKeyword("like")
            || token.IsKeyword("ilike") || token.IsKeyword("between") => InLikeBetweenPrecedence,
        CheckTokenKind.Operator when ComparisonOperators.Contains(token.Text) => ComparisonPrecedence,
        CheckTokenKind.Operator when token.Text is "+" or "-" => AdditivePrecedence,
        CheckTokenKind.Operator when token.Text is "*" or "/" or "%" => MultiplicativePrecedence,
        CheckTokenKind.Operator when token.Text is "^" => PowerPrecedence,
        CheckTokenKind.Operator => OtherOperatorPrecedence,
        CheckTokenKind.Punctuation when token.Text == "::" => CastPrecedence,
        _ => -1,
    };

    private CheckSyntax ParseInfix(CheckSyntax left, CheckToken token, int precedence)
    {
        position++;
        if (token.Kind == CheckTokenKind.Punctuation)
        {
            return new CastSyntax(left, ParseTypeName());
        }

        if (token.Kind == CheckTokenKind.Operator)
        {
            if (ComparisonOperators.Contains(token.Text) && (Current.IsKeyword("any") || Current.IsKeyword("some") || Current.IsKeyword("all"))
                && Next.Is(CheckTokenKind.Punctuation, "("))
            {
                var quantifier = Current.IsKeyword("all") ? "ALL" : "ANY";
                position += 2;
                var array = ParseExpression(0);
                Expect(")");
                return new QuantifiedSyntax(token.Text, quantifier, left, array);
            }

            return new BinarySyntax(token.Text, left, ParseExpression(precedence + 1));
        }

        return token.Text switch
        {
            "or" => new BinarySyntax("OR", left, ParseExpression(precedence + 1)),
            "and" => new BinarySyntax("AND", left, ParseExpression(precedence + 1)),
            "is" => ParseIs(left),
            "isnull" => new IsSyntax(left, "NULL", Negated: false),
            "notnull" => new IsSyntax(left, "NULL", Negated: true),
            "not" => ParseNegatedPredicate(left),
            _ => ParsePredicate(left, token.Text, negated: false),
        };
    }

    private IsSyntax ParseIs(CheckSyntax left)
    {
        var negated = Current.IsKeyword("not");
        if (negated)
        {
            position++;
        }

        foreach (var word in (string[])["null", "true", "false", "unknown"])
        {
            if (Current.IsKeyword(word))
            {
                position++;
                return new IsSyntax(left, word.ToUpperInvariant(), negated);
            }
        }

        throw Unexpected();
    }

    private CheckSyntax ParseNegatedPredicate(CheckSyntax left)
    {
        var token = Current;
        if (!(token.IsKeyword("in") || token.IsKeyword("like") || token.IsKeyword("ilike") || token.IsKeyword("between")))
        {
            throw Unexpected(token);
        }

        position++;
        return ParsePredicate(left, token.Text, negated: true);
    }

    private CheckSyntax ParsePredicate(CheckSyntax left, string word, bool negated)
    {
        switch (word)
        {
            case "in":
                Expect("(");
                var list = new ArraySyntax(ParseList(")"));
                return negated ? new QuantifiedSyntax("<>", "ALL", left, list) : new QuantifiedSyntax("=", "ANY", left, list);
            case "like" or "ilike":
                var pattern = ParseExpression(OtherOperatorPrecedence);
                if (Current.IsKeyword("escape"))
                {
                    throw Unexpected();
                }

                var op = (negated ? "!" : "") + (word == "like" ? "~~" : "~~*");
                return new BinarySyntax(op, left, pattern);
            default:
                // BETWEEN: PostgreSQL itself prints it as ">= AND <=", which is what this builds.
                if (negated || Current.IsKeyword("symmetric"))
                {
                    throw Unexpected();
                }

                var low = ParseExpression(OtherOperatorPrecedence);
                if (!Current.IsKeyword("and"))
                {
                    throw Unexpected();
                }

                position++;
                var high = ParseExpression(OtherOperatorPrecedence);
                return new BinarySyntax("AND", new BinarySyntax(">=", left, low), new BinarySyntax("<=", left, high));
        }
    }

    private void Expect(string punctuation)
    {
        if (!Current.Is(CheckTokenKind.Punctuation, punctuation))
        {
            throw Unexpected();
        }

        position++;
    }

    private FormatException Unexpected() => Unexpected(Current);

    private FormatException Unexpected(CheckToken token) =>
        new(token.Kind == CheckTokenKind.End ? "Unexpected end of the expression." : $"Unexpected '{token.Text}' in the expression.");
}
