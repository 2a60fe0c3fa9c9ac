using System.Globalization;

namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// Turns a CHECK constraint, as PostgreSQL 15's <c>pg_get_constraintdef</c> prints it, into <see cref="CheckRule"/>s
/// the generator can satisfy by construction: comparisons with constants or between two columns, <c>IN</c> lists,
/// length bounds, regular expressions (and simple <c>LIKE</c> patterns), <c>IS [NOT] NULL</c>, and
/// <c>AND</c>/<c>OR</c> of those. Casts PostgreSQL adds (<c>(0)::numeric</c>, <c>(status)::text</c>) are looked
/// through.
/// </summary>
public static partial class CheckExpressionParser
{
    private static readonly Dictionary<string, ComparisonOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["="] = ComparisonOperator.Equal,
        ["<>"] = ComparisonOperator.NotEqual,
        ["!="] = ComparisonOperator.NotEqual,
        ["<"] = ComparisonOperator.Less,
        ["<="] = ComparisonOperator.LessOrEqual,
        [">"] = ComparisonOperator.Greater,
        [">="] = ComparisonOperator.GreaterOrEqual,
    };

    private static readonly HashSet<string> LengthFunctions = new(StringComparer.Ordinal) { "length", "char_length", "character_length" };

    /// <summary>
    /// The rules that together (all of them) say what the constraint says, or null when any part of it is beyond
    /// the parser: then the whole constraint is unknown, never half understood.
    /// </summary>
    /// <param name="constraintDefinition">E.g. <c>CHECK ((price &gt;= (0)::numeric))</c>; a bare expression is accepted too.</param>
    public static IReadOnlyList<CheckRule>? Parse(string constraintDefinition)
    {
        ArgumentNullException.ThrowIfNull(constraintDefinition);
        CheckSyntax syntax;
        try
        {
            syntax = CheckSyntaxParser.Parse(constraintDefinition);
        }
        catch (FormatException)
        {
            return null;
        }

        return Conjunction(syntax);
    }

    private static List<CheckRule>? Conjunction(CheckSyntax node)
    {
        if (node is BinarySyntax { Operator: "AND" } and)
        {
            var left = Conjunction(and.Left);
            var right = left is null ? null : Conjunction(and.Right);
            return right is null ? null : [.. left!, .. right];
        }

        // CHECK (true) constrains nothing.
        if (node is ConstantSyntax { IsString: false, Value: "true" })
        {
            return [];
        }

        return Rule(node) is { } rule ? [rule] : null;
    }

    private static CheckRule? Rule(CheckSyntax node) => node switch
    {
        BinarySyntax { Operator: "OR" } => Disjunction(node),
        BinarySyntax binary when Comparisons.TryGetValue(binary.Operator, out var op) => Comparison(op, binary.Left, binary.Right)
            ?? (op == ComparisonOperator.Equal ? (CheckRule?)Equivalence(binary.Left, binary.Right) ?? Computed(binary.Left, binary.Right) : null),
        BinarySyntax { Operator: "~" } match => Pattern(match.Left, match.Right, like: false),
        BinarySyntax { Operator: "~~" } like => Pattern(like.Left, like.Right, like: true),
        BinarySyntax { Operator: "~~*" } ilike => Pattern(ilike.Left, ilike.Right, like: true, ignoreCase: true),
        QuantifiedSyntax { Operator: "=", Quantifier: "ANY" } any => InList(any),
        QuantifiedSyntax { Operator: "<>", Quantifier: "ALL" } all => InList(all) is { } excluded ? new NotInList(excluded.Column, excluded.Values) : null,
        CaseSyntax choice => Case(choice),
        IsSyntax test => Is(test),
        UnarySyntax { Operator: "NOT" } not => Negation(not.Operand),
        // A bare boolean column: CHECK (is_active).
        _ when ColumnOf(node) is { } column => new CompareToConstant(column, ComparisonOperator.Equal, "true"),
        _ => null,
    };

    private static CheckRule? Disjunction(CheckSyntax node)
    {
        var alternatives = new List<CheckSyntax>();
        CollectAlternatives(node, alternatives);
        if (Implication(alternatives) is { } implication)
        {
            return implication;
        }

        var branches = new List<IReadOnlyList<CheckRule>>(alternatives.Count);
        foreach (var alternative in alternatives)
        {
            if (Conjunction(alternative) is not { } branch)
            {
                return null;
            }

            branches.Add(branch);
        }

        return new AnyOf(branches);
    }

    private static void CollectAlternatives(CheckSyntax node, List<CheckSyntax> alternatives)
    {
        if (node is BinarySyntax { Operator: "OR" } or)
        {
            CollectAlternatives(or.Left, alternatives);
            CollectAlternatives(or.Right, alternatives);
        }
        else
        {
            alternatives.Add(node);
        }
    }

    private static CheckRule? Comparison(ComparisonOperator op, CheckSyntax left, CheckSyntax right)
    {
        if (ColumnOf(left) is { } leftColumn)
        {
            if (ColumnOf(right) is { } rightColumn)
            {
                return new CompareColumns(leftColumn, op, rightColumn);
            }

            return ConstantOf(right) is { } value ? new CompareToConstant(leftColumn, op, value) : null;
        }

        if (ColumnOf(right) is { } column)
        {
            return ConstantOf(left) is { } value ? new CompareToConstant(column, Flip(op), value) : null;
        }

        if (LengthOf(left) is { } measured)
        {
            return IntegerOf(right) is { } length ? new LengthCompare(measured, op, length) : null;
        }

        if (LengthOf(right) is { } flipped)
        {
            return IntegerOf(left) is { } length ? new LengthCompare(flipped, Flip(op), length) : null;
        }

        return null;
    }

    private static MatchesPattern? Pattern(CheckSyntax subject, CheckSyntax pattern, bool like, bool ignoreCase = false)
    {
        if (ColumnOf(subject) is not { } column || StripCasts(pattern) is not ConstantSyntax { IsString: true, Value: { } text })
        {
            return null;
        }

        return new MatchesPattern(column, like ? LikePattern.ToRegularExpression(text, ignoreCase) : text);
    }

    private static InList? InList(QuantifiedSyntax any)
    {
        // upper(gender) IN ('M', 'F'): the listed values are already in the case the function makes, so the
        // column taking one of them satisfies it.
        if ((ColumnOf(any.Left) ?? CaseFoldedColumnOf(any.Left)) is not { } column)
        {
            return null;
        }

        var values = StripCasts(any.Array) switch
        {
            ArraySyntax array => ConstantsOf(array.Items),
            // = ANY ('{a,b}'::text[]): an array literal.
            ConstantSyntax { IsString: true, Value: { } literal } => ArrayLiteral.Elements(literal),
            _ => null,
        };
        return values is null ? null : new InList(column, values);
    }

    private static List<string>? ConstantsOf(IReadOnlyList<CheckSyntax> items)
    {
        var values = new List<string>(items.Count);
        foreach (var item in items)
        {
            if (ConstantOf(item) is not { } value)
            {
                return null;
            }

            values.Add(value);
        }

        return values;
    }

    private static CheckRule? Is(IsSyntax test)
    {
        if (ColumnOf(test.Operand) is not { } column)
        {
            return null;
        }

        return (test.What, test.Negated) switch
        {
            ("NULL", false) => new IsNull(column),
            ("NULL", true) => new NotNull(column),
            ("TRUE", false) => new CompareToConstant(column, ComparisonOperator.Equal, "true"),
            ("FALSE", false) => new CompareToConstant(column, ComparisonOperator.Equal, "false"),
            _ => null,
        };
    }

    private static CheckRule? Negation(CheckSyntax operand)
    {
        operand = StripCasts(operand);
        return operand switch
        {
            ColumnSyntax column => new CompareToConstant(column.Name, ComparisonOperator.Equal, "false"),
            IsSyntax test => Is(test with { Negated = !test.Negated }),
            BinarySyntax binary when Comparisons.TryGetValue(binary.Operator, out var op) => Comparison(Invert(op), binary.Left, binary.Right),
            _ => null,
        };
    }

    private static CheckSyntax StripCasts(CheckSyntax node)
    {
        while (node is CastSyntax cast)
        {
            node = cast.Operand;
        }

        return node;
    }

    private static string? ColumnOf(CheckSyntax node) => StripCasts(node) is ColumnSyntax column ? column.Name : null;

    private static string? CaseFoldedColumnOf(CheckSyntax node) =>
        StripCasts(node) is CallSyntax { Name: "upper" or "lower", Arguments.Count: 1 } call ? ColumnOf(call.Arguments[0]) : null;

    private static string? LengthOf(CheckSyntax node) =>
        StripCasts(node) is CallSyntax call && LengthFunctions.Contains(call.Name) && call.Arguments.Count == 1 ? ColumnOf(call.Arguments[0]) : null;

    // A constant's text without quotes or casts; a negative number may come as '-5'::integer or as (- 5).
    private static string? ConstantOf(CheckSyntax node) => StripCasts(node) switch
    {
        ConstantSyntax constant => constant.Value,
        UnarySyntax { Operator: "-" } minus when StripCasts(minus.Operand) is ConstantSyntax { IsString: false, Value: { } number } => "-" + number,
        UnarySyntax { Operator: "+" } plus when StripCasts(plus.Operand) is ConstantSyntax { IsString: false, Value: { } number } => number,
        _ => null,
    };

    private static int? IntegerOf(CheckSyntax node) =>
        int.TryParse(ConstantOf(node), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    // 0 < qty is qty > 0.
    private static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    // NOT (qty < 0) is qty >= 0.
    private static ComparisonOperator Invert(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => ComparisonOperator.NotEqual,
        ComparisonOperator.NotEqual => ComparisonOperator.Equal,
        ComparisonOperator.Less => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.LessOrEqual => ComparisonOperator.Greater,
        ComparisonOperator.Greater => ComparisonOperator.LessOrEqual,
        _ => ComparisonOperator.Less,
    };
}
