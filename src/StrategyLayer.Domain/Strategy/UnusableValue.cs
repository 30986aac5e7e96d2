namespace StrategyLayer.Domain.Strategy;

/// <summary>
/// A KPI value the tree's files could not use (a bad row of a CSV actuals file), named by file and
/// line. The rest of the file is used; the report lists it as data quality and the verb exits 3.
/// </summary>
public sealed record UnusableValue(string File, int Line, string Problem);
