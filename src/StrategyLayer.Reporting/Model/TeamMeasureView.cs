namespace StrategyLayer.Reporting.Model;

/// <summary>A measure a team's work serves: the measure with its statuses, and how much of that work is the team's.</summary>
public sealed record TeamMeasureView(MeasureView Measure, int Items, int Done, int Open);
