using StrategyLayer.Distribution;
using StrategyLayer.Reporting;

namespace StrategyLayer.Application;

/// <summary>What a distribution did: the period's report document, what each channel delivered, and the first PDF problem.</summary>
public sealed record Distributed(PeriodReport Report, DistributionResult Result, string? PdfProblem);
