namespace StrategyLayer.Sandbox.Jira;

internal enum JqlTokenKind
{
    Word,
    String,
    Operator,
    LeftParen,
    RightParen,
    Comma,
    End,
}

internal readonly record struct JqlToken(JqlTokenKind Kind, string Text, int Position)
{
    public bool Is(string keyword) => Kind == JqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
