namespace StrategyLayer.Reporting.Model;

public sealed record TrendPoint(string Period, double? Planned, double? Actual);
