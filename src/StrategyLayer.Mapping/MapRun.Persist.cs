using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping;

public static partial class MapRun
{
    private static async Task<MapSummary> PersistAsync(IMappingStore store, ItemFact[] facts, int count, IReadOnlyDictionary<string, ItemMapping> previous, CancellationToken ct)
    {
        var changed = new List<ItemMapping>(Math.Min(count, SaveBatch));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byRule = new SortedDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var coverage = new CoverageTally();
        int items = 0, writes = 0;
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            ref var f = ref facts[i];
            seen.Add(f.Uid);
            var mapping = ToMapping(facts, i);
            if (!f.Removed)
            {
                items++;
                if (coverage.Add(false, mapping) == CoverageKind.Mapped)
                {
                    var key = mapping.DecidedBy.Rule ?? "pin";
                    byRule[key] = byRule.GetValueOrDefault(key) + 1;
                }
            }

            if (!previous.TryGetValue(f.Uid, out var prev) || !Same(prev, mapping))
            {
                changed.Add(mapping);
                if (changed.Count == SaveBatch)
                {
                    writes += await store.SaveMappingsAsync(changed, [], ct).ConfigureAwait(false);
                    changed.Clear();
                }
            }
        }

        var dropped = previous.Keys.Where(uid => !seen.Contains(uid)).ToList();
        if (changed.Count > 0 || dropped.Count > 0)
        {
            writes += await store.SaveMappingsAsync(changed, dropped, ct).ConfigureAwait(false);
        }

        var figures = coverage.Coverage;
        return new MapSummary(items, figures.Mapped, figures.Untracked, byRule, writes) { InScope = figures.InScope, OutOfScope = figures.OutOfScope };
    }

    /// <summary>Removed items keep no mapping: they are gone upstream and out of scope.</summary>
    private static ItemMapping ToMapping(ItemFact[] facts, int i)
    {
        ref var f = ref facts[i];
        if (f.Removed || f.Measure is null)
        {
            return new ItemMapping(f.Uid, null, Decision.None, f.InScope && !f.Removed);
        }

        if (f.Kind != DecisionKind.Inherited)
        {
            return new ItemMapping(f.Uid, f.Measure, new Decision(f.Kind, f.Rule), f.InScope);
        }

        var via = new List<string>();
        for (var j = f.From; j >= 0 && via.Count <= MaxInheritanceDepth; j = facts[j].From)
        {
            via.Add(facts[j].Id);
        }

        return new ItemMapping(f.Uid, f.Measure, new Decision(DecisionKind.Inherited, f.Rule, via), f.InScope);
    }

    internal static bool Same(ItemMapping a, ItemMapping b) =>
        a.Uid == b.Uid
        && a.MeasureId == b.MeasureId
        && a.InScope == b.InScope
        && a.DecidedBy.Kind == b.DecidedBy.Kind
        && a.DecidedBy.Rule == b.DecidedBy.Rule
        && (a.DecidedBy.Via ?? []).SequenceEqual(b.DecidedBy.Via ?? [], StringComparer.OrdinalIgnoreCase);
}
