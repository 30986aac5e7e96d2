using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StrategyLayer.Distribution.Channels;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;

namespace StrategyLayer.Distribution;

/// <summary>
/// Delivers packs to audiences through their channels, with an outbox in the store: each delivery
/// is claimed (a store lock named for it, so one process at a time across a cluster), written with
/// its attempt before it is sent and marked sent after; a failure stays in the outbox and is
/// retried with backoff by <see cref="RetryPendingAsync"/>. A pack already delivered for a period
/// is not sent again unless it changed. What "once" means with SMTP: no two processes ever send the
/// same delivery at the same time, and a sent one is never sent again; but a process that dies
/// after the server accepted a message and before the outbox recorded it leaves an attempt with no
/// outcome, and the next claimer sends it again (at least once, never lost), with the same stable
/// Message-ID, so a receiving mail system can recognise the repeat. The window is the moment between
/// the server's final reply and the outbox's write.
/// </summary>
public sealed partial class PackDistributor
{
    private readonly IRunStore _store;
    private readonly IStoreLocks _locks;
    private readonly Dictionary<string, ChannelSettings> _channels;
    private readonly Dictionary<string, AudienceSettings> _audiences;
    private readonly Dictionary<string, IDeliveryChannel> _senders;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly DistributionOptions _options;

    /// <param name="store">The outbox.</param>
    /// <param name="locks">The store's locks, which claim a delivery; a process's own when null (one process on the store).</param>
    /// <param name="channels">Every configured channel (secrets already resolved).</param>
    /// <param name="audiences">Every configured audience: retries and exception notices look them up by name.</param>
    /// <param name="time">The clock of claims, attempts and backoff.</param>
    /// <param name="log">Where deliveries are logged; nothing is logged when null.</param>
    /// <param name="http">For webhooks; a shared client with a sensible timeout. One is made when null.</param>
    public PackDistributor(
        IRunStore store,
        IReadOnlyList<ChannelSettings> channels,
        IReadOnlyList<AudienceSettings> audiences,
        TimeProvider time,
        ILogger<PackDistributor>? log = null,
        HttpClient? http = null,
        DistributionOptions? options = null,
        IEnumerable<IDeliveryChannel>? senders = null,
        IStoreLocks? locks = null)
    {
        _store = store;
        _locks = locks ?? new ProcessLocks();
        _channels = channels.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        _audiences = audiences.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        _time = time;
        _log = log ?? NullLogger<PackDistributor>.Instance;
        _options = options ?? DistributionOptions.Default;
        var all = senders?.ToList() ?? [new EmailChannel(), new FolderChannel(), new WebhookChannel(http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) })];
        _senders = all.ToDictionary(s => s.Type, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Delivers every pack to every channel and recipient of its audience. Never throws for a
    /// channel that fails: the outcome says so, and the delivery waits in the outbox.
    /// </summary>
    public async Task<DistributionResult> DistributeAsync(IReadOnlyList<PackToDeliver> packs, CancellationToken cancellationToken)
    {
        var outcomes = new List<DeliveryOutcome>();
        foreach (var pack in packs)
        {
            foreach (var channelName in pack.Audience.Channels)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var work = new Work(pack.Audience.Name, channelName, pack.Period.Name, pack.PackVersion, pack.Files, pack.Summary, pack.Link, pack.Audience.Template);
                outcomes.AddRange(await DeliverToChannelAsync(work, cancellationToken));
            }
        }

        return new DistributionResult(outcomes);
    }

    /// <summary>What one pack (or notice) is, before it fans out to a channel's recipients.</summary>
    private sealed record Work(string Audience, string Channel, string Period, string Version, IReadOnlyList<string> Files, string Summary, string? Link, string? Template);
}
