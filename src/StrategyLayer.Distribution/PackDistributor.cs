using Serilog;
using StrategyLayer.Distribution.Channels;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;

namespace StrategyLayer.Distribution;

/// <summary>
/// Delivers packs to audiences through their channels, with an outbox in the store: each delivery
/// is written before it is sent and marked sent after; a failure stays in the outbox and is retried
/// with backoff by <see cref="RetryPendingAsync"/>. Delivery is at-least-once, with a stable id (and
/// Message-ID) per (audience, channel, recipient, period, pack version); a pack already delivered
/// for a period is not sent again unless it changed.
/// </summary>
public sealed partial class PackDistributor
{
    private readonly IRunStore _store;
    private readonly Dictionary<string, ChannelSettings> _channels;
    private readonly Dictionary<string, AudienceSettings> _audiences;
    private readonly Dictionary<string, IDeliveryChannel> _senders;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly DistributionOptions _options;

    /// <param name="store">The outbox.</param>
    /// <param name="channels">Every configured channel (secrets already resolved).</param>
    /// <param name="audiences">Every configured audience: retries and exception notices look them up by name.</param>
    /// <param name="http">For webhooks; a shared client with a sensible timeout. One is made when null.</param>
    public PackDistributor(
        IRunStore store,
        IReadOnlyList<ChannelSettings> channels,
        IReadOnlyList<AudienceSettings> audiences,
        TimeProvider? time = null,
        ILogger? log = null,
        HttpClient? http = null,
        DistributionOptions? options = null,
        IEnumerable<IDeliveryChannel>? senders = null)
    {
        _store = store;
        _channels = channels.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        _audiences = audiences.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        _time = time ?? TimeProvider.System;
        _log = (log ?? Log.Logger).ForContext<PackDistributor>();
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
