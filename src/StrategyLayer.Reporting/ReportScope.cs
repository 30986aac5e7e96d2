namespace StrategyLayer.Reporting;

/// <summary>What a pack covers: the whole portfolio, one team's items, or the untracked work.</summary>
public sealed record ReportScope(ScopeKind Kind, string? Team = null)
{
    public static readonly ReportScope Portfolio = new(ScopeKind.Portfolio);
    public static readonly ReportScope Untracked = new(ScopeKind.Untracked);

    public static ReportScope ForTeam(string team) => new(ScopeKind.Team, team);

    /// <summary>The default template for the scope.</summary>
    public string DefaultTemplate => Kind switch
    {
        ScopeKind.Team => "delivery-lead",
        ScopeKind.Untracked => "untracked",
        _ => "portfolio-pack",
    };
}

public enum ScopeKind
{
    Portfolio,
    Team,
    Untracked,
}
