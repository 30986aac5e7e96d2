namespace StrategyLayer.Web.Pages;

/// <summary>
/// What a page says about its figures: the running period and its state, the instant the figures are
/// evaluated at (the earlier of now and the period's end) and how fresh the data is (the worst source).
/// </summary>
public sealed record PageClock(string Period, string State, string AsOf, string Freshness);
