using System.Globalization;
using Microsoft.Extensions.Logging;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping.Rules;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping;

/// <summary>
/// The <c>map</c> verb: streams every stored item once, keeping only compact facts, resolves
/// pin &gt; first matching rule &gt; inheritance (parent, then epic, transitively, cycle-safe), and
/// saves only the mappings that changed.
/// </summary>
/// <remarks>
/// Re-mapping is incremental when the rules and tree are unchanged (same fingerprint in meta): an
/// item's pin and rules are re-evaluated only if it has no mapping yet, was updated after its
/// source's watermark at the last map (minus <see cref="Overlap"/>, for items a sync brings in late),
/// was removed or out of scope with no decision, or has a date that crossed a relative threshold
/// (<c>-180d</c>) between the two as-of times. Others reuse their stored decision. Inheritance is
/// always resolved again over all items, so a parent's new mapping reaches its children.
/// </remarks>
public static partial class MapRun
{
    public const string FingerprintKey = "mapping.fingerprint";
    public const string AsOfKey = "mapping.asOf";
    public const string WatermarkKeyPrefix = "mapping.watermark.";

    /// <summary>How far before a source's last watermark an update still counts as new.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromDays(1);

    private const int MaxInheritanceDepth = 200;
    private const int SaveBatch = 5000;

    /// <summary>Maps every stored item; <paramref name="full"/> re-evaluates every item even when nothing changed.</summary>
    /// <param name="store">The items it reads, the mappings it writes and the named values (fingerprint, as-of, watermarks) it keeps.</param>
    /// <param name="log">Where the map's summary is written (a logger of the <see cref="MapRun"/> category); nowhere when null.</param>
    public static Task<MapSummary> ExecuteAsync<TStore>(TStore store, StrategyTree tree, RuleSet rules, DateTimeOffset asOf, IProgress<int>? progress, CancellationToken ct, bool full = false, ILogger? log = null)
        where TStore : IItemReader, IMappingStore, INamedValues
    {
        var engine = new MappingEngine(tree, rules, asOf);
        return ExecuteAsync(store, engine, progress, ct, full, log);
    }

    public static async Task<MapSummary> ExecuteAsync<TStore>(TStore store, MappingEngine engine, IProgress<int>? progress, CancellationToken ct, bool full = false, ILogger? log = null)
        where TStore : IItemReader, IMappingStore, INamedValues
    {
        var asOf = engine.AsOf;
        var previous = await store.LoadMappingsAsync(ct).ConfigureAwait(false);
        var lastAsOf = DateTimeOffset.TryParse(await store.GetValueAsync(AsOfKey, ct).ConfigureAwait(false), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var a) ? a : (DateTimeOffset?)null;
        var incremental = !full && lastAsOf is not null && await store.GetValueAsync(FingerprintKey, ct).ConfigureAwait(false) == engine.Fingerprint;
        var watermarks = new Dictionary<string, long>(StringComparer.Ordinal);
        var lastWatermarks = new Dictionary<string, long?>(StringComparer.Ordinal);

        var facts = new ItemFact[1024];
        var count = 0;
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var evaluated = 0;

        await foreach (var item in store.ItemsAsync(null, ct).ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            if (count == facts.Length)
            {
                Array.Resize(ref facts, facts.Length * 2);
            }

            if (!lastWatermarks.TryGetValue(item.Source, out var lastMark))
            {
                lastMark = long.TryParse(await store.GetValueAsync(WatermarkKeyPrefix + item.Source, ct).ConfigureAwait(false), CultureInfo.InvariantCulture, out var t) ? t : null;
                lastWatermarks[item.Source] = lastMark;
            }

            var updatedTicks = item.Updated.UtcTicks;
            watermarks[item.Source] = Math.Max(watermarks.GetValueOrDefault(item.Source), updatedTicks);

            previous.TryGetValue(item.Uid, out var prev);
            bool inScope;
            DirectDecision direct;
            if (incremental && prev is not null && lastMark is { } mark && CanReuse(item, prev, mark, engine, lastAsOf!.Value))
            {
                inScope = prev.InScope;
                direct = prev.DecidedBy.Kind is DecisionKind.Pin or DecisionKind.Rule
                    ? new DirectDecision(prev.DecidedBy.Kind, prev.MeasureId, prev.DecidedBy.Rule)
                    : DirectDecision.None;
            }
            else
            {
                inScope = engine.IsInScope(item);
                direct = engine.Decide(item);
                evaluated++;
            }

            facts[count] = new ItemFact
            {
                Uid = item.Uid,
                Id = item.Id,
                ParentId = item.Parent is { Length: > 0 } p ? ItemId.Format(item.Source, p) : null,
                EpicId = item.Epic is { Length: > 0 } e ? ItemId.Format(item.Source, e) : null,
                InScope = inScope,
                Removed = item.Removed is not null,
                Direct = direct,
                From = -1,
            };
            index[item.Id] = count;
            foreach (var old in item.PreviousKeys ?? [])
            {
                index.TryAdd(ItemId.Format(item.Source, old), count);
            }

            count++;
            if (count % 1000 == 0)
            {
                progress?.Report(count);
            }
        }

        progress?.Report(count);
        for (var i = 0; i < count; i++)
        {
            Resolve(facts, index, i, 0);
        }

        var summary = await PersistAsync(store, facts, count, previous, ct).ConfigureAwait(false) with { Evaluated = evaluated, Full = !incremental };
        await store.SetValueAsync(FingerprintKey, engine.Fingerprint, ct).ConfigureAwait(false);
        await store.SetValueAsync(AsOfKey, asOf.ToString("O", CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        foreach (var (source, ticks) in watermarks)
        {
            await store.SetValueAsync(WatermarkKeyPrefix + source, ticks.ToString(CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        }

        log?.LogInformation("Mapped {Items} items: {Mapped} mapped, {Untracked} untracked, {Evaluated} evaluated, {Writes} writes", summary.Items, summary.Mapped, summary.Untracked, summary.Evaluated, summary.Writes);
        return summary;
    }

    private static bool CanReuse(WorkItem item, ItemMapping prev, long lastMark, MappingEngine engine, DateTimeOffset lastAsOf)
    {
        if (item.Removed is not null || (!prev.InScope && prev.MeasureId is null && prev.DecidedBy.Kind == DecisionKind.None))
        {
            return false;
        }

        if (item.Updated.UtcTicks > lastMark - Overlap.Ticks)
        {
            return false;
        }

        // A relative date (-180d) moved with the as-of time: items whose dates lie in the window it swept may flip.
        // The window is closed ([old, new]) because "d >= T" and "d > T" flip at different ends of it.
        if (lastAsOf == engine.AsOf)
        {
            return true;
        }

        var (from, to) = lastAsOf <= engine.AsOf ? (lastAsOf, engine.AsOf) : (engine.AsOf, lastAsOf);
        foreach (var offset in engine.RelativeOffsets)
        {
            var lo = from + offset;
            var hi = to + offset;
            if (In(item.Created, lo, hi) || In(item.Updated, lo, hi) || In(item.Resolved, lo, hi) || In(item.Due, lo, hi))
            {
                return false;
            }
        }

        return true;
    }

    private static bool In(DateTimeOffset? d, DateTimeOffset lo, DateTimeOffset hi) => d is { } x && x >= lo && x <= hi;

    /// <summary>
    /// Resolves one item's mapping (memoized). Returns false when the answer depended on a cycle
    /// cut short; such an unresolved item is left unvisited, so that a later walk entering the cycle
    /// elsewhere can still find the way out.
    /// </summary>
    private static bool Resolve(ItemFact[] facts, Dictionary<string, int> index, int i, int depth)
    {
        switch (facts[i].State)
        {
            case 2:
                return true;
            case 1:
                return false;
        }

        if (facts[i].Direct.Decided)
        {
            facts[i].Measure = facts[i].Direct.MeasureId;
            facts[i].Rule = facts[i].Direct.Rule;
            facts[i].Kind = facts[i].Direct.Kind;
            facts[i].State = 2;
            return true;
        }

        facts[i].State = 1;
        var clean = depth < MaxInheritanceDepth;
        if (clean)
        {
            foreach (var ancestorId in (ReadOnlySpan<string?>)[facts[i].ParentId, facts[i].EpicId])
            {
                if (ancestorId is null || !index.TryGetValue(ancestorId, out var j))
                {
                    continue;
                }

                clean &= Resolve(facts, index, j, depth + 1);
                if (facts[j].State == 2 && facts[j].Measure is not null)
                {
                    facts[i].Measure = facts[j].Measure;
                    facts[i].Rule = facts[j].Rule;
                    facts[i].Kind = DecisionKind.Inherited;
                    facts[i].From = j;
                    facts[i].State = 2;
                    return true;
                }
            }
        }

        facts[i].State = clean ? (byte)2 : (byte)0;
        return clean;
    }
}
