using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store;

/// <summary>
/// What is stored and how fresh it is: the object of <c>status --json</c> and <c>/api/status</c>.
/// <see cref="UntrackedShare"/> is the current period's <c>coverage.untracked / coverage.inScope</c> as of
/// now (0–1, unrounded): the caller takes it from the report model, which every surface reads.
/// </summary>
public sealed record StatusView(IReadOnlyList<SourceStatus> Sources, double UntrackedShare, IReadOnlyList<OutboxEntry> Outbox, IReadOnlyList<RunRecord> Runs, string Store)
{
    /// <summary>Most data-quality entries listed (the per-source counts are always whole).</summary>
    public const int DataQualityLimit = 500;

    /// <summary>
    /// Records quarantined and items stored with replaced text, oldest first, with their age: every
    /// sync reads them again until they read cleanly or are gone, so an old one is worth a look upstream.
    /// </summary>
    public IReadOnlyList<DataQualityEntry> DataQuality { get; init; } = [];

    /// <summary>Describes the store for the configured sources (and any other source it holds).</summary>
    public static async Task<StatusView> DescribeAsync(IStoreReader store, IEnumerable<string> configuredSources, DateTimeOffset now, double untrackedShare, CancellationToken cancellationToken)
    {
        var cursors = await store.CursorsAsync(cancellationToken).ConfigureAwait(false);
        var names = configuredSources.Concat(cursors.Select(c => c.Source)).Distinct().ToList();
        var quarantine = await store.QuarantinedAsync(null, cancellationToken).ConfigureAwait(false);
        var replaced = await store.ReplacedTextAsync(null, cancellationToken).ConfigureAwait(false);
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
                quarantine.Count(q => q.Source == name))
            {
                ReplacedText = replaced.Count(r => r.Source == name),
            });
        }

        var outbox = (await store.OutboxAsync(null, cancellationToken).ConfigureAwait(false)).Where(d => d.State != DeliveryState.Sent)
            .Select(d => new OutboxEntry(d.Id, d.Audience, d.Channel, d.Recipient, d.Period, d.State, d.Attempts, d.NextAttempt, d.LastError)).ToList();
        var runs = await store.RecentRunsAsync(10, null, cancellationToken).ConfigureAwait(false);
        return new StatusView(sources, untrackedShare, outbox, runs, store.Description)
        {
            DataQuality = DataQualityEntry.From(quarantine, replaced, now).Take(DataQualityLimit).ToList(),
        };
    }
}

public sealed record SourceStatus(string Source, int Items, DateTimeOffset? LastSync, string? Cursor, long? AgeSeconds, int Quarantined)
{
    /// <summary>Items stored with text replaced by U+FFFD.</summary>
    public int ReplacedText { get; init; }
}

public sealed record OutboxEntry(string Id, string Audience, string Channel, string? Recipient, string Period, DeliveryState State, int Attempts, DateTimeOffset? NextAttempt, string? LastError);
