using StrategyLayer.Mapping.Rules;

namespace StrategyLayer.Application;

public sealed partial class MapUseCase
{
    /// <summary>
    /// Times the rules engine alone for the bench: the configured rules with generated ones ahead of them,
    /// <paramref name="ruleCount"/> in all (the configured ones last, so most items are tried against all
    /// of them), deciding every stored item and writing nothing. Only the deciding is timed, on the host's
    /// clock, not the reading.
    /// </summary>
    public async Task<RuleEvaluation> EvaluateRulesAsync(int ruleCount, CancellationToken ct)
    {
        var files = await strategy.LoadAsync(ct).ConfigureAwait(false);
        var generated = Enumerable.Range(1, Math.Max(0, ruleCount - files.Rules.Rules.Count)).Select(i => new MappingRule(
            "bench-" + i,
            (i % 4) switch
            {
                0 => $"project = P{i} and labels in (l{i}, m{i})",
                1 => $"team = \"Team {i}\" and priority <= 2",
                2 => $"kind = incident and cmdb_ci = \"ci-{i}\"",
                _ => $"labels = x{i} or components in (\"C{i}\", \"D{i}\") and not status = Done",
            },
            files.Tree.Measures.First().Id));
        var rules = files.Rules with { Rules = [.. generated, .. files.Rules.Rules] };
        var engine = (files with { Rules = rules }).Engine(context.Time.GetUtcNow());
        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        long evaluated = 0;
        var elapsed = TimeSpan.Zero;
        await foreach (var chunk in store.ItemsAsync(null, ct).Chunk(20_000).ConfigureAwait(false))
        {
            var started = context.Time.GetTimestamp();
            foreach (var item in chunk)
            {
                engine.Decide(item);
            }

            elapsed += context.Time.GetElapsedTime(started);
            evaluated += chunk.Length;
        }

        return new RuleEvaluation(rules.Rules.Count, evaluated / Math.Max(elapsed.TotalSeconds, 1e-9));
    }
}
