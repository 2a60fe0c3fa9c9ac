namespace PreviewSdk.Seeding.Checks;

/// <summary>One lexical token of a CHECK expression.</summary>
/// <param name="Kind">What sort of token it is.</param>
/// <param name="Text">
/// The token's value: an identifier's name (quotes removed, unquoted names folded to lower case as PostgreSQL
/// does), a string literal's content (quotes and escapes removed), a number's digits, or the punctuation itself.
/// </param>
/// <param name="Word">For an unquoted identifier, the word as written (to recognise keywords and <c>VALUE</c>); else null.</param>
internal sealed record CheckToken(CheckTokenKind Kind, string Text, string? Word = null)
{
    /// <summary>True for an unquoted word equal to <paramref name="keyword"/>, ignoring case.</summary>
    public bool IsKeyword(string keyword) =>
        Kind == CheckTokenKind.Identifier && Word is not null && string.Equals(Word, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for this punctuation or operator.</summary>
    public bool Is(CheckTokenKind kind, string text) => Kind == kind && Text == text;
}

/// <summary>The sorts of tokens of a CHECK expression.</summary>
internal enum CheckTokenKind
{
    /// <summary>An identifier or keyword, quoted or not.</summary>
    Identifier,

    /// <summary>A string literal (<c>'…'</c> or <c>E'…'</c>).</summary>
    String,

    /// <summary>A numeric literal without sign.</summary>
    Number,

    /// <summary>An operator such as <c>&gt;=</c>, <c>~~</c>, <c>-</c>.</summary>
    Operator,

    /// <summary><c>(</c> <c>)</c> <c>[</c> <c>]</c> <c>,</c> <c>.</c> or <c>::</c>.</summary>
    Punctuation,

    /// <summary>The end of the text.</summary>
    End,
}
