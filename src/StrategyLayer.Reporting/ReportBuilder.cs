using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Reporting.Building;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Reporting.Snapshots;
using StrategyLayer.Store;

namespace StrategyLayer.Reporting;

/// <summary>
/// Builds the report model of a period. <see cref="SnapshotPeriodAsync(ReportingPeriod, DateTimeOffset?, CancellationToken)"/> streams the store once into the
/// period's figures and saves them as its snapshot (provisional while the period runs, frozen once
/// it ended; a frozen period is read back, never recomputed). <see cref="BuildAsync(PeriodData, ReportScope, IReadOnlyList{RuleSuggestion}?, CancellationToken)"/>
/// turns those figures into one pack's model; build several packs of a period from one PeriodData.
/// </summary>
public sealed partial class ReportBuilder
{
    private readonly IStoreReader store;
    private readonly ISnapshotStore? snapshotsTo;
    private readonly StrategyTree tree;
    private readonly IItemFilterCompiler filters;
    private readonly ReportSettings settings;
    private readonly ReportEnvironment environment;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly SnapshotService snapshots;
    private readonly ItemLinks links;

    /// <param name="store">What the figures are computed from.</param>
    /// <param name="snapshotsTo">Where a period's snapshot is saved; null for a live view that saves none (the web view).</param>
    public ReportBuilder(
        IStoreReader store,
        ISnapshotStore? snapshotsTo,
        StrategyTree tree,
        IItemFilterCompiler filters,
        ReportSettings settings,
        ReportEnvironment environment,
        TimeProvider time,
        ILogger<ReportBuilder>? log = null)
    {
        this.store = store;
        this.snapshotsTo = snapshotsTo;
        this.tree = tree;
        this.filters = filters;
        this.settings = settings;
        this.environment = environment;
        this.time = time;
        this.log = log ?? NullLogger<ReportBuilder>.Instance;
        snapshots = new SnapshotService(store, snapshotsTo, environment.TimeZone);
        links = new ItemLinks(environment.WebBaseUrl);
    }

    /// <summary>Prepares the period (see <see cref="SnapshotPeriodAsync(ReportingPeriod, DateTimeOffset?, CancellationToken)"/>) and builds one pack's model.</summary>
    public async Task<ReportModel> BuildAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var data = await SnapshotPeriodAsync(request.Period, request.AsOf, cancellationToken).ConfigureAwait(false);
        return await BuildAsync(data, request.Scope, request.Suggestions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The period's figures: read from its frozen snapshot when there is one, else computed from the
    /// store as of the earlier of <paramref name="asOf"/> (default now) and the period's end, and saved
    /// as the period's snapshot.
    /// </summary>
    public Task<PeriodData> SnapshotPeriodAsync(ReportingPeriod period, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        SnapshotPeriodAsync(period, asOf, null, cancellationToken);

    /// <summary>
    /// The period's figures as every reader sees them (web pages, <c>status</c>): its frozen snapshot
    /// when there is one, else computed as of the earlier of now and the period's end, exactly as
    /// <see cref="SnapshotPeriodAsync(ReportingPeriod, DateTimeOffset?, CancellationToken)"/> would, but not saved.
    /// </summary>
    public Task<PeriodData> ReadAsync(ReportingPeriod period, CancellationToken cancellationToken) =>
        LoadAsync(period, null, null, save: false, cancellationToken);

    /// <summary>The running period (a month) in the configured time zone, by the injected clock.</summary>
    public ReportingPeriod CurrentPeriod() => CurrentPeriod(time, environment.TimeZone);

    /// <summary>The month that contains now in <paramref name="zone"/>: what "the current period" means on every surface.</summary>
    public static ReportingPeriod CurrentPeriod(TimeProvider time, TimeZoneInfo zone) =>
        ReportingPeriod.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime), PeriodKind.Month);

    /// <summary>The period's report document (<c>report --json</c> less its files, <c>/api/report</c>): see <see cref="ReadAsync"/>.</summary>
    public async Task<PeriodReport> ReportAsync(ReportingPeriod period, CancellationToken cancellationToken) =>
        PeriodReport.From(await ReadAsync(period, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// As <see cref="SnapshotPeriodAsync(ReportingPeriod, DateTimeOffset?, CancellationToken)"/>; when the figures are
    /// computed, <paramref name="observe"/> also sees every stored item (removed ones too) with its mapping, in
    /// the store's order, so a caller can gather more from the same pass instead of reading the store again.
    /// It is not called when the figures come from a frozen snapshot (<see cref="PeriodData.FromFrozenSnapshot"/>).
    /// </summary>
    public Task<PeriodData> SnapshotPeriodAsync(ReportingPeriod period, DateTimeOffset? asOf, Action<WorkItem, ItemMapping?>? observe, CancellationToken cancellationToken) =>
        LoadAsync(period, asOf, observe, save: true, cancellationToken);

    // The one code path every surface's figures come from: a frozen snapshot as it was frozen, else the
    // store as of the earlier of the as-of time and the period's end.
    // Saving needs a snapshot store: a live view (the web view) has none, and saves nothing.
    private async Task<PeriodData> LoadAsync(ReportingPeriod period, DateTimeOffset? asOf, Action<WorkItem, ItemMapping?>? observe, bool save, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (await snapshots.FrozenAsync(period, cancellationToken).ConfigureAwait(false) is { } frozen)
        {
            log.LogInformation("Period {Period} is frozen: the pack is built from its snapshot of {AsOf}", period.Name, frozen.AsOf);
            return await WithPreviousAsync(SnapshotService.ToPeriodData(frozen, period), cancellationToken).ConfigureAwait(false);
        }

        var at = asOf ?? time.GetUtcNow();
        var state = snapshots.StateFor(period, at);
        var data = await ComputeAsync(period, at, state, observe, cancellationToken).ConfigureAwait(false);
        if (save && snapshotsTo is not null)
        {
            await snapshots.SaveAsync(data, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            log.LogInformation(
                "Snapshot of {Period} saved ({State}): {Items} items, {Bytes} bytes of rows",
                period.Name, state, data.Aggregates.Summary.InScope, data.ItemRows.Length);
        }

        return await WithPreviousAsync(data, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PeriodData> WithPreviousAsync(PeriodData data, CancellationToken cancellationToken) =>
        await snapshots.FindAsync(data.Period.Previous.Name, cancellationToken).ConfigureAwait(false) is { } previous
            ? data with { Previous = SnapshotService.ReadAggregates(previous), PreviousState = previous.State.ToString().ToLowerInvariant() }
            : data;

    private async Task<PeriodData> ComputeAsync(ReportingPeriod period, DateTimeOffset asOf, SnapshotState state, Action<WorkItem, ItemMapping?>? observe, CancellationToken cancellationToken)
    {
        var start = period.StartInstant(environment.TimeZone);
        var end = period.EndInstant(environment.TimeZone);
        var evalAt = asOf < end ? asOf : end;
        var elapsed = evalAt <= start ? 0 : Math.Min(100, 100 * (evalAt - start).TotalSeconds / (end - start).TotalSeconds);
        using var computation = new PeriodComputation(tree, filters, settings, links, evalAt, await LinkFirstSeen.ReadAsync(store, cancellationToken).ConfigureAwait(false));
        var n = 0;
        await foreach (var (item, mapping) in store.MappedItemsAsync(cancellationToken).ConfigureAwait(false))
        {
            if ((++n & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            observe?.Invoke(item, mapping);
            computation.Add(item, mapping);
        }

        // The trend of a measure whose actual is not entered reads earlier periods' snapshots.
        var earlier = new Dictionary<string, PeriodAggregates?>(StringComparer.Ordinal);
        if (tree.Measures.Any(m => m.Kpi.Actual is not EnteredActual))
        {
            var earlierPeriod = period.Previous;
            for (var i = 1; i < settings.TrendPeriods; i++, earlierPeriod = earlierPeriod.Previous)
            {
                earlier[earlierPeriod.Name] = await snapshots.FindAsync(earlierPeriod.Name, cancellationToken).ConfigureAwait(false) is { } s ? SnapshotService.ReadAggregates(s) : null;
            }
        }

        double? EarlierActual(string periodName, string measureId) =>
            earlier.GetValueOrDefault(periodName)?.Measures.FirstOrDefault(m => string.Equals(m.Id, measureId, StringComparison.OrdinalIgnoreCase))?.Actual;

        var blockers = await LookUpBlockersAsync(computation, cancellationToken).ConfigureAwait(false);
        var sources = computation.Sources.Concat(environment.Sources ?? []);
        var freshness = await FreshnessReader.ReadAsync(store, sources, asOf, settings, environment.TimeZone, environment.SyncedNow, cancellationToken).ConfigureAwait(false);

        // Records the store could not read cleanly (quarantined, or stored with U+FFFD) are named too:
        // every sync reads them again until they read cleanly.
        var quarantined = await store.QuarantinedAsync(null, cancellationToken).ConfigureAwait(false);
        var replaced = await store.ReplacedTextAsync(null, cancellationToken).ConfigureAwait(false);
        foreach (var note in Store.DataQualityEntry.From(quarantined, replaced, asOf))
        {
            var where = (note.Field is null ? "" : $" (field {note.Field})") + (note.Page is null ? "" : $" on page {note.Page}");
            computation.DataQuality.Add(new Model.DataQualityEntry(
                note.Kind == Store.DataQualityEntry.QuarantinedKind ? "quarantined" : "replaced-text",
                note.Problem + where,
                Item: note.Item));
        }

        var aggregates = computation.Finish(tree, period, elapsed, key => blockers.GetValueOrDefault(key), EarlierActual, freshness);
        return new PeriodData(period, state, evalAt, aggregates, computation.FinishRows(), false);
    }

    /// <summary>
    /// Reads, before the figures are finished in memory, every item the blockers' links may resolve to,
    /// as <see cref="LinkResolver"/> asks for them: each link in its own item's source, then, when that
    /// source does not hold it, in every other stored source.
    /// </summary>
    private async Task<Dictionary<string, WorkItem?>> LookUpBlockersAsync(PeriodComputation computation, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, WorkItem?>(StringComparer.OrdinalIgnoreCase);
        async Task<WorkItem?> FindAsync(string id)
        {
            if (!found.TryGetValue(id, out var item))
            {
                item = await store.FindItemAsync(id, cancellationToken).ConfigureAwait(false);
                found[id] = item;
            }

            return item;
        }

        foreach (var id in computation.BlockersToLookUp())
        {
            if (await FindAsync(id).ConfigureAwait(false) is not null)
            {
                continue;
            }

            var (source, key) = ItemId.Parse(id);
            foreach (var other in computation.StoredSources.Where(s => !string.Equals(s, source, StringComparison.OrdinalIgnoreCase)))
            {
                await FindAsync(ItemId.Format(other, key)).ConfigureAwait(false);
            }
        }

        return found;
    }
}
