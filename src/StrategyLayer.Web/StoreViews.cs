using StrategyLayer.Application;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Mapping;
using StrategyLayer.Reporting;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Store;
using StrategyLayer.Web.Pages;

namespace StrategyLayer.Web;

/// <summary>
/// What the pages and the API read: the application's <see cref="PortfolioReads"/>, and the little
/// the web view adds to them (links into its own pages, the clock every page states).
/// </summary>
internal sealed class StoreViews(PortfolioReads reads, WebServerOptions options)
{
    public WebServerOptions Options => options;

    /// <summary>Where links into the web view point (config <c>webBaseUrl</c>, else the bound URL).</summary>
    public string WebBaseUrl => reads.WebBaseUrl;

    /// <summary>Set once bound, when config names no <c>webBaseUrl</c> (the port may have been chosen by the system).</summary>
    internal void SetWebBaseUrl(string url) => reads.SetWebBaseUrl(url);

    /// <summary>Every team's coverage in the running period, as the report model counts it, with its list's link.</summary>
    public async Task<IReadOnlyList<TeamSummary>> TeamsAsync(CancellationToken cancellationToken) =>
        [.. (await reads.TeamsAsync(cancellationToken).ConfigureAwait(false))
            .Select(t => new TeamSummary(t.Team, t.InScope, t.Mapped, t.Untracked, t.OutOfScope, "/items?team=" + Uri.EscapeDataString(t.Team)))];

    public Task<IReadOnlyDictionary<string, int>> TeamSizesAsync(CancellationToken cancellationToken) => reads.TeamSizesAsync(cancellationToken);

    public IReadOnlyList<string>? TeamsIfReady() => reads.TeamsIfReady();

    public Task Warm() => reads.Warm();

    /// <exception cref="Domain.Errors.DiagnosticsException">The query does not parse; the diagnostic has its line and column.</exception>
    public Task<ItemPage> ItemsAsync(ItemFilter filter, int offset, int limit, CancellationToken cancellationToken) => reads.ItemsAsync(filter, offset, limit, cancellationToken);

    public Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken) => reads.FindItemAsync(idOrKey, cancellationToken);

    public Task<ItemRow> RowAsync(WorkItem item, CancellationToken cancellationToken) => reads.RowAsync(item, cancellationToken);

    public Task<ExplainView?> ExplainAsync(string idOrKey, CancellationToken cancellationToken) => reads.ExplainAsync(idOrKey, cancellationToken);

    public Task<IReadOnlyList<Suggestion>> SuggestionsAsync(CancellationToken cancellationToken) => reads.SuggestionsAsync(cancellationToken);

    public Task<StatusView> StatusAsync(CancellationToken cancellationToken) => reads.StatusAsync(cancellationToken);

    public Task<IReadOnlyList<Domain.Runs.RunRecord>> RunsAsync(int count, CancellationToken cancellationToken) => reads.RunsAsync(count, cancellationToken);

    public Task<IReadOnlyList<Domain.Runs.Delivery>> OutboxAsync(CancellationToken cancellationToken) => reads.OutboxAsync(cancellationToken);

    public Task<IReadOnlyList<string>> SnapshotPeriodsAsync(CancellationToken cancellationToken) => reads.SnapshotPeriodsAsync(cancellationToken);

    public ReportingPeriod LivePeriod() => reads.LivePeriod();

    public Task<ReportModel> PortfolioAsync(ReportingPeriod period, CancellationToken cancellationToken) => reads.PortfolioAsync(period, cancellationToken);

    public Task<PeriodReport> ReportAsync(ReportingPeriod period, CancellationToken cancellationToken) => reads.ReportAsync(period, cancellationToken);

    /// <summary>What every page states about its figures: the running period, its as-of time and the data's freshness.</summary>
    public async Task<PageClock> ClockAsync(CancellationToken cancellationToken)
    {
        var live = await PortfolioAsync(LivePeriod(), cancellationToken).ConfigureAwait(false);
        return new PageClock(live.Period, live.State, live.AsOf, live.FreshnessLevel);
    }
}
