namespace StrategyLayer.Mapping.Query;

/// <summary>A parsed query; <see cref="Start"/>/<see cref="End"/> delimit its text in the query.</summary>
public abstract record QueryNode(int Start, int End);

public sealed record AndNode(QueryNode Left, QueryNode Right) : QueryNode(Left.Start, Right.End);

public sealed record OrNode(QueryNode Left, QueryNode Right) : QueryNode(Left.Start, Right.End);

public sealed record NotNode(QueryNode Inner, int NotStart, int NotEnd) : QueryNode(NotStart, NotEnd);

/// <summary>A field name as written, with its position.</summary>
public sealed record FieldRef(string Name, int Start, int End);

/// <summary>A value as written: a bare word or a quoted string (unescaped).</summary>
public sealed record QueryValue(string Text, bool Quoted, int Start, int End);

public enum CompareOp
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
}

public sealed record CompareNode(FieldRef Field, CompareOp Op, QueryValue Value, int NodeStart, int NodeEnd) : QueryNode(NodeStart, NodeEnd)
{
    /// <summary>Where the operator is written.</summary>
    public int OpStart { get; init; }
}

public sealed record InNode(FieldRef Field, bool Negated, IReadOnlyList<QueryValue> Values, int NodeStart, int NodeEnd) : QueryNode(NodeStart, NodeEnd);

public sealed record EmptyNode(FieldRef Field, bool Negated, int NodeStart, int NodeEnd) : QueryNode(NodeStart, NodeEnd);

/// <summary>A parenthesized query; kept so that explain can quote it as written.</summary>
public sealed record GroupNode(QueryNode Inner, int GroupStart, int GroupEnd) : QueryNode(GroupStart, GroupEnd);
