namespace StrategyLayer.Mapping.Query;

/// <summary>Internal signal from the lexer and parser; turned into a <see cref="QueryError"/> at the edge.</summary>
internal sealed class QuerySyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
