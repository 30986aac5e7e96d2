using Microsoft.Extensions.Logging;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Mapping;
using StrategyLayer.Reporting;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;
using StrategyLayer.Store;

namespace StrategyLayer.Application;

/// <summary>
/// The read use cases of a long-running reader (the web view's pages and API): the report model
/// for a period, item lists, explanations, suggestions and status, all through the store's reading
/// roles. Figures that need a pass over every item (mappings, teams, the live period, suggestions)
/// are reused for <see cref="PortfolioSettings.CacheFor"/>; lists and explanations are read per request.
/// </summary>
public sealed class PortfolioReads
{
    private const int MaxCachedTeams = 16;

    private readonly IStoreReader store;
    private readonly PortfolioSettings options;
    private readonly IItemFilterCompiler filters;
    private readonly ILoggerFactory logs;
    private readonly ILogger log;
    private readonly Cached<IReadOnlyDictionary<string, ItemMapping>> mappings;
    private readonly Cached<StoreIndex> index;
    private readonly Cached<IReadOnlyList<Suggestion>> suggestions;
    private readonly Cached<MappingEngine> engine;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Cached<IReadOnlyList<WorkItem>>> teamItems = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Cached<PeriodData>> periods = new(StringComparer.Ordinal);
    private ReportBuilder reports;

    /// <param name="store">The reading roles only: nothing the web view holds can write.</param>
    public PortfolioReads(IStoreReader store, PortfolioSettings options, IItemFilterCompiler? filters, ILoggerFactory logs, string webBaseUrl)
    {
        this.store = store;
        this.options = options;
        this.filters = filters ?? new ItemFilterCompiler(options.Rules.CustomFields);
        this.logs = logs;
        log = logs.CreateLogger<PortfolioReads>();
        WebBaseUrl = webBaseUrl.TrimEnd('/');
        reports = Reports();
        var time = options.TimeProvider;
        mappings = new(this.store.LoadMappingsAsync, options.CacheFor, time);
        index = new(LoadIndexAsync, options.CacheFor, time);
        suggestions = new(
            async ct => await UntrackedSuggester.SuggestAsync(this.store.ItemsAsync(new ItemQuery { IncludeRemoved = false }, ct), await mappings.GetAsync(ct).ConfigureAwait(false), options.Report.MinClusterSize, 20, ct).ConfigureAwait(false),
            options.CacheFor,
            time);
        engine = new(_ => Task.FromResult(new MappingEngine(options.Strategy, options.Rules, time.GetUtcNow())), options.CacheFor, time);
    }

    public PortfolioSettings Settings => options;

    /// <summary>Where links into the web view point (config <c>webBaseUrl</c>, else the bound URL).</summary>
    public string WebBaseUrl { get; private set; }

    /// <summary>Set once bound, when config names no <c>webBaseUrl</c> (the port may have been chosen by the system).</summary>
    public void SetWebBaseUrl(string url)
    {
        WebBaseUrl = url.TrimEnd('/');
        reports = Reports();
        periods.Clear();
    }

    /// <summary>Every team's coverage in the running period, as the report model counts it (in scope, out of scope apart), by name.</summary>
    public async Task<IReadOnlyList<TeamCoverage>> TeamsAsync(CancellationToken cancellationToken)
    {
        var data = await PeriodAsync(LivePeriod(), cancellationToken).ConfigureAwait(false);
        return [.. data.Aggregates.Teams
            .OrderBy(t => t.Team, StringComparer.OrdinalIgnoreCase)
            .Select(t => new TeamCoverage(t.Team, t.InScope, t.Mapped, t.Untracked, t.OutOfScope))];
    }

    /// <summary>Stored items per team (for the team picker and the benchmark's largest team).</summary>
    public async Task<IReadOnlyDictionary<string, int>> TeamSizesAsync(CancellationToken cancellationToken) =>
        (await index.GetAsync(cancellationToken).ConfigureAwait(false)).TeamItems;

    /// <summary>The team names if already counted; null while the first count runs (a page then shows no picker rather than wait).</summary>
    public IReadOnlyList<string>? TeamsIfReady() => index.Peek()?.TeamItems.Keys.ToList();

    /// <summary>Starts the whole-store reads in the background, so the first visitor does not wait for them; completes when they are done.</summary>
    public Task Warm() => Task.Run(async () =>
    {
        try
        {
            await mappings.GetAsync(CancellationToken.None).ConfigureAwait(false);
            await index.GetAsync(CancellationToken.None).ConfigureAwait(false);
            await PeriodAsync(LivePeriod(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Warming the web view's caches failed; pages will read the store on demand");
        }
    });

    /// <summary>One page of matching items, untracked first.</summary>
    /// <exception cref="Domain.Errors.DiagnosticsException">The query does not parse; the diagnostic has its line and column.</exception>
    public async Task<ItemPage> ItemsAsync(ItemFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = string.IsNullOrWhiteSpace(filter.Query) ? null : filters.Compile(filter.Query, options.TimeProvider.GetUtcNow());
        offset = Math.Max(0, offset);
        limit = Math.Clamp(limit <= 0 ? options.PageSize : limit, 1, options.MaxPageSize);
        var mapped = await mappings.GetAsync(cancellationToken).ConfigureAwait(false);
        if (query is null)
        {
            var entries = (await index.GetAsync(cancellationToken).ConfigureAwait(false)).Entries;
            return await ItemListing.PageAsync(entries, store.ItemsAsync, mapped, options.Strategy, filter, offset, limit, cancellationToken).ConfigureAwait(false);
        }

        var items = string.IsNullOrEmpty(filter.Team)
            ? store.ItemsAsync(new ItemQuery { IncludeRemoved = false }, cancellationToken)
            : (await TeamItemsAsync(filter.Team, cancellationToken).ConfigureAwait(false)).ToAsyncEnumerable();
        return await ItemListing.PageAsync(items, mapped, options.Strategy, filter, query, offset, limit, cancellationToken).ConfigureAwait(false);
    }

    public Task<WorkItem?> FindItemAsync(string idOrKey, CancellationToken cancellationToken) => store.FindItemAsync(idOrKey, cancellationToken);

    public async Task<ItemRow> RowAsync(WorkItem item, CancellationToken cancellationToken) =>
        ItemListing.Row(item, (await mappings.GetAsync(cancellationToken).ConfigureAwait(false)).TryGetValue(item.Uid, out var m) ? m : null, options.Strategy);

    /// <summary>Null when no stored item has that id, key, old key or uid.</summary>
    public async Task<ExplainView?> ExplainAsync(string idOrKey, CancellationToken cancellationToken) =>
        await Explainer.ExplainAsync(store, await engine.GetAsync(cancellationToken).ConfigureAwait(false), idOrKey, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<Suggestion>> SuggestionsAsync(CancellationToken cancellationToken) => suggestions.GetAsync(cancellationToken);

    /// <summary>The status document; its untracked share is the running period's, from the report model.</summary>
    public async Task<StatusView> StatusAsync(CancellationToken cancellationToken)
    {
        var data = await PeriodAsync(LivePeriod(), cancellationToken).ConfigureAwait(false);
        return await StatusView.DescribeAsync(store, options.Sources, options.TimeProvider.GetUtcNow(), data.Aggregates.Summary.Coverage.UntrackedShare, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<Domain.Runs.RunRecord>> RunsAsync(int count, CancellationToken cancellationToken) => store.RecentRunsAsync(count, null, cancellationToken);

    public Task<IReadOnlyList<Domain.Runs.Delivery>> OutboxAsync(CancellationToken cancellationToken) => store.OutboxAsync(null, cancellationToken);

    /// <summary>Every period with a stored snapshot, newest first.</summary>
    public async Task<IReadOnlyList<string>> SnapshotPeriodsAsync(CancellationToken cancellationToken) =>
        [.. (await store.SnapshotPeriodsAsync(cancellationToken).ConfigureAwait(false)).OrderDescending(StringComparer.Ordinal)];

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

    // The one report builder of the web view: the same code path as `report`, over the reading roles
    // only. No snapshot store: a live view computes the running period's figures and saves nothing.
    private ReportBuilder Reports() => new(
        store,
        null,
        options.Strategy,
        filters,
        options.Report,
        new ReportEnvironment(options.TimeZone, WebBaseUrl, options.Sources),
        options.TimeProvider,
        logs.CreateLogger<ReportBuilder>());

    // A period's figures need a pass over every item: kept per period for CacheFor, refreshed in the background.
    private Task<PeriodData> PeriodAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        if (periods.Count >= MaxCachedTeams && !periods.ContainsKey(period.Name))
        {
            periods.Clear();
        }

        // The figures are shared by every request for the period: one request leaving does not cancel their read.
        var cached = periods.GetOrAdd(period.Name, _ => new Cached<PeriodData>(
            _ => reports.ReadAsync(period, CancellationToken.None),
            options.CacheFor,
            options.TimeProvider));
        return cached.GetAsync(cancellationToken);
    }

    // A team's items are read through the team index once and kept for CacheFor, so paging and
    // re-filtering a big team costs a pass in memory, not a store read. Few teams are kept at once.
    private Task<IReadOnlyList<WorkItem>> TeamItemsAsync(string team, CancellationToken cancellationToken)
    {
        if (teamItems.Count >= MaxCachedTeams && !teamItems.ContainsKey(team))
        {
            teamItems.Clear();
        }

        return teamItems.GetOrAdd(team, t => new Cached<IReadOnlyList<WorkItem>>(
            async ct => await store.ItemsAsync(new ItemQuery { Team = t, IncludeRemoved = false }, ct).ToListAsync(ct).ConfigureAwait(false),
            options.CacheFor,
            options.TimeProvider)).GetAsync(cancellationToken);
    }

    private async Task<StoreIndex> LoadIndexAsync(CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var entries = new List<IndexEntry>();
        await foreach (var item in store.ItemsAsync(new ItemQuery { IncludeRemoved = false }, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new IndexEntry(item.Uid, item.Team));
            var team = string.IsNullOrEmpty(item.Team) ? "(none)" : item.Team;
            counts[team] = counts.GetValueOrDefault(team) + 1;
        }

        return new StoreIndex(entries, counts);
    }
}
