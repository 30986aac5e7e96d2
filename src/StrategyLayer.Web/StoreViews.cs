using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Mapping;
using StrategyLayer.Reporting;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;
using StrategyLayer.Store;
using StrategyLayer.Web.Pages;
using ILogger = Serilog.ILogger;

namespace StrategyLayer.Web;

/// <summary>
/// What the pages and the API read, all through a read-only view of the store. Figures that need a
/// pass over every item (mappings, teams, the live period, suggestions) are reused for
/// <see cref="WebServerOptions.CacheFor"/>; lists and explanations are read per request.
/// </summary>
internal sealed class StoreViews
{
    private const int MaxCachedTeams = 16;

    private readonly IStrategyStore store;
    private readonly WebServerOptions options;
    private readonly IItemFilterCompiler filters;
    private readonly ILogger log;
    private readonly Cached<IReadOnlyDictionary<string, ItemMapping>> mappings;
    private readonly Cached<StoreIndex> index;
    private readonly Cached<IReadOnlyList<Suggestion>> suggestions;
    private readonly Cached<MappingEngine> engine;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Cached<IReadOnlyList<WorkItem>>> teamItems = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Cached<PeriodData>> periods = new(StringComparer.Ordinal);
    private ReportBuilder reports;

    public StoreViews(IStrategyStore store, WebServerOptions options, IItemFilterCompiler filters, ILogger log, string webBaseUrl)
    {
        this.store = new ReadOnlyStore(store);
        this.options = options;
        this.filters = filters;
        this.log = log;
        WebBaseUrl = webBaseUrl.TrimEnd('/');
        reports = Reports();
        var time = options.TimeProvider;
        mappings = new(() => this.store.LoadMappings(), options.CacheFor, time);
        index = new(LoadIndex, options.CacheFor, time);
        suggestions = new(() => UntrackedSuggester.Suggest(this.store.Items(new ItemQuery { IncludeRemoved = false }), mappings.Get(), options.Report.MinClusterSize, 20), options.CacheFor, time);
        engine = new(() => new MappingEngine(options.Strategy, options.Rules, time.GetUtcNow()), options.CacheFor, time);
    }

    public WebServerOptions Options => options;

    /// <summary>Where links into the web view point (config <c>webBaseUrl</c>, else the bound URL).</summary>
    public string WebBaseUrl { get; private set; }

    /// <summary>Set once bound, when config names no <c>webBaseUrl</c> (the port may have been chosen by the system).</summary>
    internal void SetWebBaseUrl(string url)
    {
        WebBaseUrl = url.TrimEnd('/');
        reports = Reports();
        periods.Clear();
    }

    /// <summary>Every team's coverage in the running period, as the report model counts it (in scope, out of scope apart).</summary>
    public async Task<IReadOnlyList<TeamSummary>> TeamsAsync(CancellationToken cancellationToken)
    {
        var data = await PeriodAsync(LivePeriod(), cancellationToken).ConfigureAwait(false);
        return [.. data.Aggregates.Teams
            .OrderBy(t => t.Team, StringComparer.OrdinalIgnoreCase)
            .Select(t => new TeamSummary(t.Team, t.InScope, t.Mapped, t.Untracked, t.OutOfScope, "/items?team=" + Uri.EscapeDataString(t.Team)))];
    }

    /// <summary>Stored items per team (for the team picker and the benchmark's largest team).</summary>
    public IReadOnlyDictionary<string, int> TeamItems() => index.Get().TeamItems;

    /// <summary>The team names if already counted; null while the first count runs (a page then shows no picker rather than wait).</summary>
    public IReadOnlyList<string>? TeamsIfReady() => index.Peek()?.TeamItems.Keys.ToList();

    /// <summary>Starts the whole-store reads in the background, so the first visitor does not wait for them; completes when they are done.</summary>
    public Task Warm() => Task.Run(() =>
    {
        try
        {
            mappings.Get();
            index.Get();
            PeriodAsync(LivePeriod(), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            log.Warning(e, "Warming the web view's caches failed; pages will read the store on demand");
        }
    });

    /// <summary>One page of matching items, untracked first.</summary>
    /// <exception cref="Domain.Errors.DiagnosticsException">The query does not parse; the diagnostic has its line and column.</exception>
    public ItemPage Items(ItemFilter filter, int offset, int limit)
    {
        var query = string.IsNullOrWhiteSpace(filter.Query) ? null : filters.Compile(filter.Query, options.TimeProvider.GetUtcNow());
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit <= 0 ? options.PageSize : limit, 1, options.MaxPageSize);
        if (query is null)
        {
            return ItemListing.Page(index.Get().Entries, uid => store.FindItem(uid), mappings.Get(), options.Strategy, filter, offset, limit);
        }

        var items = string.IsNullOrEmpty(filter.Team)
            ? store.Items(new ItemQuery { IncludeRemoved = false })
            : TeamItems(filter.Team);
        return ItemListing.Page(items, mappings.Get(), options.Strategy, filter, query, offset, limit);
    }

    public WorkItem? FindItem(string idOrKey) => store.FindItem(idOrKey);

    public ItemRow Row(WorkItem item) =>
        ItemListing.Row(item, mappings.Get().TryGetValue(item.Uid, out var m) ? m : null, options.Strategy);

    /// <summary>Null when no stored item has that id, key, old key or uid.</summary>
    public ExplainView? Explain(string idOrKey) => Explainer.Explain(store, engine.Get(), idOrKey);

    public IReadOnlyList<Suggestion> Suggestions() => suggestions.Get();

    /// <summary>The status document; its untracked share is the running period's, from the report model.</summary>
    public async Task<StatusView> StatusAsync(CancellationToken cancellationToken)
    {
        var data = await PeriodAsync(LivePeriod(), cancellationToken).ConfigureAwait(false);
        return StatusView.Describe(store, options.Sources, options.TimeProvider.GetUtcNow(), data.Aggregates.Summary.Coverage.UntrackedShare);
    }

    public IReadOnlyList<Domain.Runs.RunRecord> Runs(int count) => store.RecentRuns(count);

    public IReadOnlyList<Domain.Runs.Delivery> Outbox() => store.Outbox();

    /// <summary>Every period with a stored snapshot, newest first.</summary>
    public IReadOnlyList<string> SnapshotPeriods() => [.. store.SnapshotPeriods().OrderDescending(StringComparer.Ordinal)];

    /// <summary>The running month, in the configured time zone.</summary>
    public ReportingPeriod LivePeriod() => ReportBuilder.CurrentPeriod(options.TimeProvider, options.TimeZone);

    /// <summary>The portfolio pack's model for a period: a frozen snapshot as it was frozen, else computed as of the earlier of now and its end (not saved).</summary>
    public async Task<ReportModel> PortfolioAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        var data = await PeriodAsync(period, cancellationToken).ConfigureAwait(false);
        return await reports.BuildAsync(data, ReportScope.Portfolio, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The period's report document: the same as <c>report --json</c> prints, without its files.</summary>
    public async Task<PeriodReport> ReportAsync(ReportingPeriod period, CancellationToken cancellationToken) =>
        PeriodReport.From(await PeriodAsync(period, cancellationToken).ConfigureAwait(false));

    /// <summary>What every page states about its figures: the running period, its as-of time and the data's freshness.</summary>
    public async Task<PageClock> ClockAsync(CancellationToken cancellationToken)
    {
        var live = await PortfolioAsync(LivePeriod(), cancellationToken).ConfigureAwait(false);
        return new PageClock(live.Period, live.State, live.AsOf, live.FreshnessLevel);
    }

    // The one report builder of the web view: the same code path as `report`, over the read-only store.
    private ReportBuilder Reports() => new(
        store,
        options.Strategy,
        filters,
        options.Report,
        new ReportEnvironment(options.TimeZone, WebBaseUrl, options.Sources),
        options.TimeProvider,
        log);

    // A period's figures need a pass over every item: kept per period for CacheFor, refreshed in the background.
    private Task<PeriodData> PeriodAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        if (periods.Count >= MaxCachedTeams && !periods.ContainsKey(period.Name))
        {
            periods.Clear();
        }

        // ReadAsync completes synchronously (the store contract is synchronous); waiting on it blocks nothing.
        var cached = periods.GetOrAdd(period.Name, _ => new Cached<PeriodData>(
            () => reports.ReadAsync(period, CancellationToken.None).GetAwaiter().GetResult(),
            options.CacheFor,
            options.TimeProvider));
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(cached.Get());
    }

    // A team's items are read through the team index once and kept for CacheFor, so paging and
    // re-filtering a big team costs a pass in memory, not a store read. Few teams are kept at once.
    private IReadOnlyList<WorkItem> TeamItems(string team)
    {
        if (teamItems.Count >= MaxCachedTeams && !teamItems.ContainsKey(team))
        {
            teamItems.Clear();
        }

        return teamItems.GetOrAdd(team, t => new Cached<IReadOnlyList<WorkItem>>(
            () => [.. store.Items(new ItemQuery { Team = t, IncludeRemoved = false })],
            options.CacheFor,
            options.TimeProvider)).Get();
    }

    private StoreIndex LoadIndex()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<IndexEntry>();
        foreach (var item in store.Items(new ItemQuery { IncludeRemoved = false }))
        {
            entries.Add(new IndexEntry(item.Uid, item.Team));
            var team = string.IsNullOrEmpty(item.Team) ? "(none)" : item.Team;
            counts[team] = counts.GetValueOrDefault(team) + 1;
        }

        return new StoreIndex(entries, counts);
    }
}
