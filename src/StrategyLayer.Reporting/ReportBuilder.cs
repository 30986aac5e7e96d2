using Serilog;
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
/// Builds the report model of a period. <see cref="PrepareAsync(ReportingPeriod, DateTimeOffset?, CancellationToken)"/> streams the store once into the
/// period's figures and saves them as its snapshot (provisional while the period runs, frozen once
/// it ended; a frozen period is read back, never recomputed). <see cref="BuildAsync(PeriodData, ReportScope, IReadOnlyList{RuleSuggestion}?, CancellationToken)"/>
/// turns those figures into one pack's model; build several packs of a period from one PeriodData.
/// </summary>
public sealed partial class ReportBuilder
{
    private readonly IStrategyStore store;
    private readonly StrategyTree tree;
    private readonly IItemFilterCompiler filters;
    private readonly ReportSettings settings;
    private readonly ReportEnvironment environment;
    private readonly TimeProvider time;
    private readonly ILogger log;
    private readonly SnapshotService snapshots;
    private readonly ItemLinks links;

    public ReportBuilder(
        IStrategyStore store,
        StrategyTree tree,
        IItemFilterCompiler filters,
        ReportSettings settings,
        ReportEnvironment environment,
        TimeProvider time,
        ILogger? log = null)
    {
        this.store = store;
        this.tree = tree;
        this.filters = filters;
        this.settings = settings;
        this.environment = environment;
        this.time = time;
        this.log = log ?? Serilog.Core.Logger.None;
        snapshots = new SnapshotService(store, environment.TimeZone);
        links = new ItemLinks(environment.WebBaseUrl);
    }

    /// <summary>Prepares the period (see <see cref="PrepareAsync(ReportingPeriod, DateTimeOffset?, CancellationToken)"/>) and builds one pack's model.</summary>
    public async Task<ReportModel> BuildAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var data = await PrepareAsync(request.Period, request.AsOf, cancellationToken).ConfigureAwait(false);
        return await BuildAsync(data, request.Scope, request.Suggestions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The period's figures: read from its frozen snapshot when there is one, else computed from the
    /// store as of <paramref name="asOf"/> (default now) and saved as the period's snapshot.
    /// </summary>
    public Task<PeriodData> PrepareAsync(ReportingPeriod period, DateTimeOffset? asOf, CancellationToken cancellationToken) =>
        PrepareAsync(period, asOf, null, cancellationToken);

    /// <summary>
    /// As <see cref="PrepareAsync(ReportingPeriod, DateTimeOffset?, CancellationToken)"/>; when the figures are
    /// computed, <paramref name="observe"/> also sees every stored item (removed ones too) with its mapping, in
    /// the store's order, so a caller can gather more from the same pass instead of reading the store again.
    /// It is not called when the figures come from a frozen snapshot (<see cref="PeriodData.FromFrozenSnapshot"/>).
    /// </summary>
    public Task<PeriodData> PrepareAsync(ReportingPeriod period, DateTimeOffset? asOf, Action<WorkItem, ItemMapping?>? observe, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (snapshots.Frozen(period) is { } frozen)
        {
            log.Information("Period {Period} is frozen: the pack is built from its snapshot of {AsOf}", period.Name, frozen.AsOf);
            return Task.FromResult(WithPrevious(SnapshotService.ToPeriodData(frozen, period)));
        }

        var at = asOf ?? time.GetUtcNow();
        var state = snapshots.StateFor(period, at);
        var data = Compute(period, at, state, observe, cancellationToken);
        snapshots.Save(data, time.GetUtcNow());
        log.Information(
            "Snapshot of {Period} saved ({State}): {Items} items, {Bytes} bytes of rows",
            period.Name, state, data.Aggregates.Summary.InScope, data.ItemRows.Length);
        return Task.FromResult(WithPrevious(data));
    }

    private PeriodData WithPrevious(PeriodData data) =>
        snapshots.Find(data.Period.Previous.Name) is { } previous
            ? data with { Previous = SnapshotService.ReadAggregates(previous), PreviousState = previous.State.ToString().ToLowerInvariant() }
            : data;

    private PeriodData Compute(ReportingPeriod period, DateTimeOffset asOf, SnapshotState state, Action<WorkItem, ItemMapping?>? observe, CancellationToken cancellationToken)
    {
        var start = period.StartInstant(environment.TimeZone);
        var end = period.EndInstant(environment.TimeZone);
        var evalAt = asOf < end ? asOf : end;
        var elapsed = evalAt <= start ? 0 : Math.Min(100, 100 * (evalAt - start).TotalSeconds / (end - start).TotalSeconds);
        using var computation = new PeriodComputation(tree, filters, settings, links, evalAt);
        var n = 0;
        foreach (var (item, mapping) in store.MappedItems())
        {
            if ((++n & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            observe?.Invoke(item, mapping);
            computation.Add(item, mapping);
        }

        var earlier = new Dictionary<string, PeriodAggregates?>(StringComparer.Ordinal);
        double? EarlierActual(string periodName, string measureId)
        {
            if (!earlier.TryGetValue(periodName, out var aggregates))
            {
                aggregates = snapshots.Find(periodName) is { } s ? SnapshotService.ReadAggregates(s) : null;
                earlier[periodName] = aggregates;
            }

            return aggregates?.Measures.FirstOrDefault(m => string.Equals(m.Id, measureId, StringComparison.OrdinalIgnoreCase))?.Actual;
        }

        var sources = computation.Sources.Concat(environment.Sources ?? []);
        var freshness = FreshnessReader.Read(store, sources, asOf, settings, environment.TimeZone, environment.SyncedNow);
        var aggregates = computation.Finish(tree, period, elapsed, store.FindItem, EarlierActual, freshness);
        return new PeriodData(period, state, asOf, aggregates, computation.FinishRows(), false);
    }
}
