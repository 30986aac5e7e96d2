namespace StrategyLayer.Mapping.Query;

internal enum TokenKind
{
    Word,
    String,
    LParen,
    RParen,
    Comma,
    Operator,
    End,
}

/// <summary>One lexical token; <see cref="Start"/>/<see cref="End"/> are offsets into the query text.</summary>
internal readonly record struct QueryToken(TokenKind Kind, string Text, int Start, int End)
{
    public bool IsWord(string keyword) =>
        Kind == TokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
