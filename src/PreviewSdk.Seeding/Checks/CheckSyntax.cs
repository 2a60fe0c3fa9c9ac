namespace PreviewSdk.Seeding.Checks;

/// <summary>
/// The syntax tree of a CHECK expression: what <see cref="CheckSyntaxParser"/> builds and
/// <see cref="CheckExpressionParser"/> turns into rules. Kept separate so the grammar knows nothing of rules.
/// </summary>
internal abstract record CheckSyntax;

/// <summary>A column reference, or <c>VALUE</c> in a domain check.</summary>
/// <param name="Name">The column name, unquoted.</param>
internal sealed record ColumnSyntax(string Name) : CheckSyntax;

/// <summary>A constant: a string or number literal, <c>TRUE</c>, <c>FALSE</c> or <c>NULL</c>.</summary>
/// <param name="Value">The literal's text without quotes; null for <c>NULL</c>.</param>
/// <param name="IsString">True for a quoted literal (its type comes from a cast, if any).</param>
internal sealed record ConstantSyntax(string? Value, bool IsString) : CheckSyntax;

/// <summary><c>operand::type</c>.</summary>
/// <param name="Operand">What is cast.</param>
/// <param name="TypeName">The type as written, e.g. <c>character varying</c>, <c>text[]</c>.</param>
internal sealed record CastSyntax(CheckSyntax Operand, string TypeName) : CheckSyntax;

/// <summary>A function call such as <c>length(code)</c>.</summary>
/// <param name="Name">The function name, lower case, without schema.</param>
/// <param name="Arguments">The arguments.</param>
internal sealed record CallSyntax(string Name, IReadOnlyList<CheckSyntax> Arguments) : CheckSyntax;

/// <summary><c>ARRAY[a, b, …]</c>.</summary>
/// <param name="Items">The elements.</param>
internal sealed record ArraySyntax(IReadOnlyList<CheckSyntax> Items) : CheckSyntax;

/// <summary>A prefix operator: <c>- 5</c>, <c>NOT x</c>.</summary>
/// <param name="Operator">The operator, <c>NOT</c> in upper case.</param>
/// <param name="Operand">Its operand.</param>
internal sealed record UnarySyntax(string Operator, CheckSyntax Operand) : CheckSyntax;

/// <summary>An infix operator: comparisons, <c>~</c>, <c>~~</c>, arithmetic, <c>AND</c>, <c>OR</c> (upper case).</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
internal sealed record BinarySyntax(string Operator, CheckSyntax Left, CheckSyntax Right) : CheckSyntax;

/// <summary><c>left op ANY (array)</c> or <c>left op ALL (array)</c>; <c>IN (…)</c> is read as <c>= ANY</c>.</summary>
/// <param name="Operator">The comparison.</param>
/// <param name="Quantifier"><c>ANY</c> or <c>ALL</c>.</param>
/// <param name="Left">The value tested.</param>
/// <param name="Array">The array expression.</param>
internal sealed record QuantifiedSyntax(string Operator, string Quantifier, CheckSyntax Left, CheckSyntax Array) : CheckSyntax;

/// <summary><c>operand IS [NOT] NULL</c> (also <c>TRUE</c>/<c>FALSE</c>/<c>UNKNOWN</c> as the tested word).</summary>
/// <param name="Operand">What is tested.</param>
/// <param name="What"><c>NULL</c>, <c>TRUE</c>, <c>FALSE</c> or <c>UNKNOWN</c>.</param>
/// <param name="Negated">True for <c>IS NOT</c>.</param>
internal sealed record IsSyntax(CheckSyntax Operand, string What, bool Negated) : CheckSyntax;

/// <summary><c>CASE WHEN a THEN b … ELSE c END</c>.</summary>
/// <param name="Branches">The WHEN conditions with their results, in order.</param>
/// <param name="Else">The ELSE result, or null (then NULL, which a CHECK lets through).</param>
internal sealed record CaseSyntax(IReadOnlyList<(CheckSyntax When, CheckSyntax Then)> Branches, CheckSyntax? Else) : CheckSyntax;
