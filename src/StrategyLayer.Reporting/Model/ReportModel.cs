namespace StrategyLayer.Reporting.Model;

/// <summary>
/// Everything a template sees (exposed to Scriban in snake_case: <c>summary.coverage_percent</c>).
/// Values from source tools are plain strings here: the renderer escapes every one of them.
/// </summary>
public sealed record ReportModel
{
    public required string Template { get; init; }
    public required string Title { get; init; }
    public required string Organization { get; init; }

    /// <summary><c>portfolio</c>, <c>team</c> or <c>untracked</c>.</summary>
    public required string Scope { get; init; }
    public string? Team { get; init; }
    public required string Period { get; init; }
    public required string PeriodStart { get; init; }
    public required string PeriodEnd { get; init; }
    public required string AsOf { get; init; }
    public required string GeneratedAt { get; init; }

    /// <summary><c>provisional</c> while the period runs, <c>frozen</c> once it has ended.</summary>
    public required string State { get; init; }
    public double ElapsedPercent { get; init; }
    public required string RollUpRule { get; init; }
    public IReadOnlyList<string> StatusRules { get; init; } = [];
    public required SummaryView Summary { get; init; }
    public IReadOnlyList<DecisionToMake> Decisions { get; init; } = [];
    public IReadOnlyList<TreeRow> Tree { get; init; } = [];
    public IReadOnlyList<MeasureView> Measures { get; init; } = [];
    public IReadOnlyList<BlockerView> Blockers { get; init; } = [];
    public int BlockersMore { get; init; }
    public IReadOnlyList<TeamUntrackedView> UntrackedByTeam { get; init; } = [];

    /// <summary>Every team's coverage: in scope (mapped, untracked) and out of scope, counted apart.</summary>
    public IReadOnlyList<TeamCoverageView> Teams { get; init; } = [];

    /// <summary>What in the data could not be fully used (capped; <c>summary.data_quality_problems</c> counts all).</summary>
    public IReadOnlyList<DataQualityEntry> DataQuality { get; init; } = [];
    public required ChangesView Changes { get; init; }
    public IReadOnlyList<FreshnessView> Freshness { get; init; } = [];
    public string FreshnessLevel { get; init; } = "green";

    /// <summary>The team's items (delivery-lead) or the untracked items (untracked), capped.</summary>
    public IReadOnlyList<PeriodItem> Items { get; init; } = [];
    public int ItemsTotal { get; init; }
    public int ItemsMore { get; init; }
    public string? ItemsMoreUrl { get; init; }
    public TeamUntrackedView? TeamSummary { get; init; }

    /// <summary>Delivery lead: the measures the team's work serves, worst status first.</summary>
    public IReadOnlyList<TeamMeasureView> TeamMeasures { get; init; } = [];

    /// <summary>Delivery lead: the team's open items that block another team's work.</summary>
    public IReadOnlyList<TeamDependencyView> YouAreBlocking { get; init; } = [];

    /// <summary>Delivery lead: other teams' open items that block the team's work.</summary>
    public IReadOnlyList<TeamDependencyView> BlockedByOthers { get; init; } = [];
    public IReadOnlyList<RuleSuggestion> Suggestions { get; init; } = [];
}
