using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Reporting;

namespace StrategyLayer.Application;

/// <summary>What <see cref="PortfolioReads"/> reads with, as plain values the host loaded once.</summary>
public sealed record PortfolioSettings
{
    /// <summary>Periods are read in this zone (config <c>timeZone</c>).</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public required StrategyTree Strategy { get; init; }

    public required RuleSet Rules { get; init; }

    /// <summary>Configured source names, so a source that never synced still shows.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Status thresholds (config <c>status</c>).</summary>
    public ReportSettings Report { get; init; } = ReportSettings.Default;

    /// <summary>Rows per page of item lists (the largest a request may ask for is <see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 200;

    public int MaxPageSize { get; init; } = 1000;

    /// <summary>How long whole-store figures (mappings, teams, live period, suggestions) are reused before being read again.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The clock of live periods, filters and caches.</summary>
    public required TimeProvider TimeProvider { get; init; }
}
