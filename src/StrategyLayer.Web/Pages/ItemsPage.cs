using StrategyLayer.Application;

namespace StrategyLayer.Web.Pages;

/// <summary>A team's (or every) item with its measure and the rule that mapped it, untracked first, paged.</summary>
public sealed record ItemsPage : PageBase
{
    public string? Team { get; init; }
    public string? Measure { get; init; }
    public bool UntrackedOnly { get; init; }
    public string Query { get; init; } = "";
    public QueryProblem? Error { get; init; }
    public IReadOnlyList<ItemRow> Rows { get; init; } = [];
    public int Total { get; init; }
    public int From { get; init; }
    public int To { get; init; }
    public string? PreviousHref { get; init; }
    public string? NextHref { get; init; }
    /// <summary>The team names for the picker.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];
}

/// <summary>A query that does not parse: the message, where, and the query with a caret under the spot.</summary>
public sealed record QueryProblem(string Message, int? Line, int? Column, string Query, string Caret);
