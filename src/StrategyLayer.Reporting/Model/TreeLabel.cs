namespace StrategyLayer.Reporting.Model;

/// <summary>A strategy node named on the row of its only child (see <see cref="TreeRow.Chain"/>).</summary>
public sealed record TreeLabel(string Level, string Id, string Name);
