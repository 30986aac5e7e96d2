using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store;

/// <summary>
/// What is stored and how fresh it is: the object of <c>status --json</c> and <c>/api/status</c>,
/// with the last <see cref="RecentRuns"/> runs, newest first.
/// </summary>
public sealed record StatusView(IReadOnlyList<SourceStatus> Sources, double UntrackedShare, IReadOnlyList<OutboxEntry> Outbox, IReadOnlyList<RunView> Runs, string Store)
{
    public const int RecentRuns = 20;

    /// <summary>Describes the store for the configured sources (and any other source it holds).</summary>
    public static StatusView Describe(IStrategyStore store, IEnumerable<string> configuredSources, DateTimeOffset now)
    {
        var cursors = store.Cursors();
        var names = configuredSources.Concat(cursors.Select(c => c.Source)).Distinct().ToList();
        var sources = names.Select(name =>
        {
            var mine = cursors.Where(c => c.Source == name).ToList();
            var last = mine.Select(c => c.LastCommit).Where(t => t is not null).DefaultIfEmpty(null).Max();
            return new SourceStatus(
                name,
                store.CountItems(name),
                last,
                mine.Count == 1 ? mine[0].Cursor : mine.Count == 0 ? null : string.Join("; ", mine.Select(c => $"{c.Partition}={c.Cursor}")),
                last is null ? null : (long)(now - last.Value).TotalSeconds,
                store.Quarantined(name).Count);
        }).ToList();

        var mappings = store.LoadMappings().Values;
        var inScope = mappings.Count(m => m.InScope);
        var untracked = mappings.Count(m => m.Untracked);
        var outbox = store.Outbox().Where(d => d.State != DeliveryState.Sent)
            .Select(d => new OutboxEntry(d.Id, d.Audience, d.Channel, d.Recipient, d.Period, d.State, d.Attempts, d.NextAttempt, d.LastError)).ToList();
        return new StatusView(sources, inScope == 0 ? 0 : Math.Round((double)untracked / inScope, 4), outbox, [.. store.RecentRuns(RecentRuns).Select(RunView.Of)], store.Path);
    }
}

public sealed record SourceStatus(string Source, int Items, DateTimeOffset? LastSync, string? Cursor, long? AgeSeconds, int Quarantined);

public sealed record OutboxEntry(string Id, string Audience, string Channel, string? Recipient, string Period, DeliveryState State, int Attempts, DateTimeOffset? NextAttempt, string? LastError);
