using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store;

namespace StrategyLayer.Mapping;

/// <summary>
/// <c>explain ITEM</c>: every rule in order against the item (and the first clause that failed),
/// which decision won and through which ancestors, and the fields the rules saw. It decides live with
/// the current rules, so it also answers for items mapped before the rules changed.
/// </summary>
public static class Explainer
{
    private const int MaxDepth = 200;

    /// <summary>Null when no stored item has that id, key, old key or uid.</summary>
    public static async Task<ExplainView?> ExplainAsync(IItemReader store, MappingEngine engine, string idOrKey, CancellationToken cancellationToken) =>
        await store.FindItemAsync(idOrKey, cancellationToken).ConfigureAwait(false) is { } item
            ? await ExplainAsync(item, engine, store.FindItemAsync, cancellationToken).ConfigureAwait(false)
            : null;

    /// <param name="findItem">Finds an ancestor by <c>source:KEY</c>.</param>
    public static async Task<ExplainView> ExplainAsync(WorkItem item, MappingEngine engine, Func<string, CancellationToken, Task<WorkItem?>> findItem, CancellationToken cancellationToken)
    {
        var inScope = engine.IsInScope(item);
        var direct = engine.Decide(item);
        var ancestors = new List<AncestorView>();
        Decision decision;
        string? measure;
        if (direct.Decided)
        {
            (measure, decision) = (direct.MeasureId, new Decision(direct.Kind, direct.Rule));
        }
        else
        {
            var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { item.Id };
            var inherited = await InheritAsync(item, engine, findItem, visited, 0, ancestors, cancellationToken).ConfigureAwait(false);
            (measure, decision) = inherited is { } r ? (r.Measure, new Decision(DecisionKind.Inherited, r.Rule, r.Via)) : (null, Decision.None);
        }

        if (item.Removed is not null)
        {
            (measure, decision) = (null, Decision.None);
        }

        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in engine.FieldsRead())
        {
            fields[field.Name] = field.Read(item);
        }

        var scopeFailure = inScope ? null : engine.ExplainScope(item);
        return new ExplainView
        {
            Id = item.Id,
            Title = item.Title,
            Measure = measure,
            DecidedBy = DecidedByView.From(decision),
            Reason = Reason(item, decision, measure, inScope),
            InScope = inScope,
            Untracked = inScope && measure is null,
            ScopeFailedAt = scopeFailure is null ? null : new FailedAtView(scopeFailure.Clause, scopeFailure.Field, scopeFailure.Saw),
            Pin = engine.FindPin(item)?.MeasureId,
            Candidates = [.. engine.Check(item).Select(c => new CandidateView(c.Rule, c.Measure, c.Matched,
                c.FailedAt is null ? null : new FailedAtView(c.FailedAt.Clause, c.FailedAt.Field, c.FailedAt.Saw)))],
            Fields = fields,
            Ancestors = ancestors,
        };
    }

    private static async Task<(string Measure, string? Rule, List<string> Via)?> InheritAsync(
        WorkItem item, MappingEngine engine, Func<string, CancellationToken, Task<WorkItem?>> findItem, HashSet<string> visited, int depth, List<AncestorView>? trace, CancellationToken cancellationToken)
    {
        if (depth >= MaxDepth)
        {
            return null;
        }

        foreach (var (relation, key) in new[] { ("parent", item.Parent), ("epic", item.Epic) })
        {
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            var id = ItemId.Format(item.Source, key);
            var ancestor = await findItem(id, cancellationToken).ConfigureAwait(false);
            if (ancestor is null || !visited.Add(ancestor.Id))
            {
                trace?.Add(new AncestorView(id, relation, ancestor is not null, null, ancestor is null ? "not stored" : "cycle"));
                continue;
            }

            var direct = engine.Decide(ancestor);
            if (direct.Decided)
            {
                trace?.Add(new AncestorView(ancestor.Id, relation, true, direct.MeasureId, direct.Kind == DecisionKind.Pin ? "pin" : "rule " + direct.Rule));
                return (direct.MeasureId!, direct.Rule, [ancestor.Id]);
            }

            if (await InheritAsync(ancestor, engine, findItem, visited, depth + 1, null, cancellationToken).ConfigureAwait(false) is { } found)
            {
                trace?.Add(new AncestorView(ancestor.Id, relation, true, found.Measure, "inherited via " + string.Join(" → ", found.Via)));
                found.Via.Insert(0, ancestor.Id);
                return found;
            }

            trace?.Add(new AncestorView(ancestor.Id, relation, true, null, "none"));
        }

        return null;
    }

    private static string Reason(WorkItem item, Decision decision, string? measure, bool inScope) => decision.Kind switch
    {
        _ when item.Removed is not null => "removed upstream: no mapping, out of scope",
        DecisionKind.Pin => $"pinned to {measure}",
        DecisionKind.Rule => $"rule {decision.Rule} matched: maps to {measure}",
        DecisionKind.Inherited => $"no pin or rule of its own; inherited {measure} via {string.Join(" → ", decision.Via ?? [])}"
            + (decision.Rule is null ? " (pinned there)" : $" (rule {decision.Rule})"),
        _ => inScope ? "no pin, rule or ancestor maps it: untracked" : "no pin, rule or ancestor maps it; out of scope, so not untracked",
    };
}
