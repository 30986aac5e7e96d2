using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Mapping.Query;

/// <summary>A query that does not parse or bind; carries every error found, each with its position.</summary>
public sealed class RuleSyntaxError : StrategyLayerException
{
    public RuleSyntaxError(string query, IReadOnlyList<QueryError> errors)
        : base($"query '{query}' {errors[0]}", ErrorKind.Usage, $"column {errors[0].Column}")
    {
        Query = query;
        Errors = errors;
    }

    public string Query { get; }

    public IReadOnlyList<QueryError> Errors { get; }

    public QueryError First => Errors[0];

    /// <summary>The error at <paramref name="offset"/> of <paramref name="query"/> (what the lexer and parser throw).</summary>
    internal static RuleSyntaxError At(string query, int offset, string message) => new(query, [QueryError.At(query, offset, message)]);
}
