using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store;

/// <summary>What is stored and how fresh it is: the object of <c>status --json</c> and <c>/api/status</c>.</summary>
public sealed record StatusView(IReadOnlyList<SourceStatus> Sources, double UntrackedShare, IReadOnlyList<OutboxEntry> Outbox, IReadOnlyList<RunRecord> Runs, string Store)
{
    /// <summary>Describes the store for the configured sources (and any other source it holds).</summary>
    public static async Task<StatusView> DescribeAsync(IStoreReader store, IEnumerable<string> configuredSources, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cursors = await store.CursorsAsync(cancellationToken).ConfigureAwait(false);
        var names = configuredSources.Concat(cursors.Select(c => c.Source)).Distinct().ToList();
        var sources = new List<SourceStatus>(names.Count);
        foreach (var name in names)
        {
            var mine = cursors.Where(c => c.Source == name).ToList();
            var last = mine.Select(c => c.LastCommit).Where(t => t is not null).DefaultIfEmpty(null).Max();
            sources.Add(new SourceStatus(
                name,
                await store.CountItemsAsync(name, false, cancellationToken).ConfigureAwait(false),
                last,
                mine.Count == 1 ? mine[0].Cursor : mine.Count == 0 ? null : string.Join("; ", mine.Select(c => $"{c.Partition}={c.Cursor}")),
                last is null ? null : (long)(now - last.Value).TotalSeconds,
                (await store.QuarantinedAsync(name, cancellationToken).ConfigureAwait(false)).Count));
        }

        var mappings = (await store.LoadMappingsAsync(cancellationToken).ConfigureAwait(false)).Values;
        var inScope = mappings.Count(m => m.InScope);
        var untracked = mappings.Count(m => m.Untracked);
        var outbox = (await store.OutboxAsync(null, cancellationToken).ConfigureAwait(false)).Where(d => d.State != DeliveryState.Sent)
            .Select(d => new OutboxEntry(d.Id, d.Audience, d.Channel, d.Recipient, d.Period, d.State, d.Attempts, d.NextAttempt, d.LastError)).ToList();
        var runs = await store.RecentRunsAsync(10, null, cancellationToken).ConfigureAwait(false);
        return new StatusView(sources, inScope == 0 ? 0 : Math.Round((double)untracked / inScope, 4), outbox, runs, store.Description);
    }
}

public sealed record SourceStatus(string Source, int Items, DateTimeOffset? LastSync, string? Cursor, long? AgeSeconds, int Quarantined);

public sealed record OutboxEntry(string Id, string Audience, string Channel, string? Recipient, string Period, DeliveryState State, int Attempts, DateTimeOffset? NextAttempt, string? LastError);
