namespace StrategyLayer.Reporting.Model;

/// <summary>How current one source's data is.</summary>
public sealed record FreshnessView(
    string Source,
    string LastSync,
    double? AgeHours,
    string Age,
    string Level,
    int Quarantined,
    string? Note);
