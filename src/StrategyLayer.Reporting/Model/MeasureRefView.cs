namespace StrategyLayer.Reporting.Model;

/// <summary>A measure named beside a dependency: its owners and its two statuses.</summary>
public sealed record MeasureRefView(string Id, string Name, string? BusinessOwner, string? TechnicalOwner, string Implementation, string Potential);
