namespace StrategyLayer.Web.Pages;

/// <summary>What every page's layout reads: its title and which navigation entry is current.</summary>
public abstract record PageBase
{
    public required string Title { get; init; }

    /// <summary><c>portfolio</c>, <c>teams</c>, <c>untracked</c> or <c>runs</c>.</summary>
    public required string Nav { get; init; }

    /// <summary>The figures' period, as-of time and freshness, stated under the navigation (null: the page states its own, or none applies).</summary>
    public PageClock? Clock { get; init; }
}
