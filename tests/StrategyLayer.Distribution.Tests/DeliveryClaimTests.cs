using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using StrategyLayer.Distribution.Channels;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Tests.Support;
using StrategyLayer.Web.Tests.Support;
using Xunit;

namespace StrategyLayer.Distribution.Tests;

/// <summary>
/// A delivery is claimed before it is sent: two processes on one store (two distributors sharing
/// the store's locks here; two nodes on PostgreSQL in the CLI's cluster test) never send it twice,
/// and an attempt a dying process left behind is sent again once, recognisably.
/// </summary>
public sealed class DeliveryClaimTests : DeliveryScene
{

    /// <summary>A sender that holds each message until the test lets it go, and counts what went out.</summary>
    private sealed class HeldChannel : IDeliveryChannel
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<OutgoingMessage> Sent { get; } = [];

        public string Type => "folder";

        public IReadOnlyList<string?> Recipients(ChannelSettings channel) => [null];

        public async Task SendAsync(ChannelSettings channel, OutgoingMessage message, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            lock (Sent)
            {
                Sent.Add(message);
            }
        }
    }

    private PackDistributor Node(string node, HeldChannel channel, AudienceSettings audience, ILogger<PackDistributor>? log = null) =>
        new(StoreFile.Store, [new ChannelSettings { Name = "share", Type = "folder", Path = Folder.Path }], [audience], Time, log, options: DistributionOptions.Default with { Node = node }, senders: [channel], locks: StoreFile.Store);

    [Fact]
    public async Task Two_processes_delivering_the_same_pack_at_once_send_it_once()
    {
        var audience = Packs.Audience("share");
        var pack = Packs.Write(Folder, audience);
        var channel = new HeldChannel();
        var a = Node("node-a", channel, audience);
        var b = Node("node-b", channel, audience);

        var sending = a.DistributeAsync([pack], CancellationToken.None);
        await channel.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var whileSending = await b.DistributeAsync([pack], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var inOutbox = (await StoreFile.Store.OutboxAsync(null, CancellationToken.None)).Single();
        channel.Release.SetResult();
        var first = await sending.WaitAsync(TimeSpan.FromSeconds(20));
        var retried = await b.RetryPendingAsync(CancellationToken.None);
        var again = await b.DistributeAsync([pack], CancellationToken.None);

        Assert.Equal(DeliveryStatus.InProgress, Assert.Single(whileSending.Deliveries).Status);
        Assert.Equal(("node-a", DeliveryState.Pending), (inOutbox.AttemptBy, inOutbox.State));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(first.Deliveries).Status);
        Assert.Empty(retried.Deliveries);
        Assert.Equal(DeliveryStatus.AlreadySent, Assert.Single(again.Deliveries).Status);
        Assert.Single(channel.Sent);
        var sent = Assert.Single(await StoreFile.Store.OutboxAsync(DeliveryState.Sent, CancellationToken.None));
        Assert.Equal((1, (string?)null, (DateTimeOffset?)null), (sent.Attempts, sent.AttemptBy, sent.AttemptStarted));
    }

    [Fact]
    public async Task An_attempt_a_dying_process_left_behind_is_sent_again_once_with_the_same_message_id_and_the_log_says_it_may_repeat()
    {
        var audience = Packs.Audience("share");
        var pack = Packs.Write(Folder, audience);
        var id = DeliveryKey.For(audience.Name, "share", null, pack.Period.Name, pack.PackVersion);
        var cutShort = new Delivery
        {
            Id = id,
            Audience = audience.Name,
            Channel = "share",
            Period = pack.Period.Name,
            PackVersion = pack.PackVersion,
            Files = pack.Files,
            Summary = pack.Summary,
            Created = Time.GetUtcNow().AddMinutes(-2),
            AttemptBy = "node-gone-4711-ab12",
            AttemptStarted = Time.GetUtcNow().AddMinutes(-1),
        };
        await StoreFile.Store.SaveDeliveryAsync(cutShort, CancellationToken.None);
        var sink = new CollectingSink();
        using var logs = new SerilogLoggerFactory(new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(sink).CreateLogger(), dispose: true);
        var log = logs.CreateLogger<PackDistributor>();
        var channel = new HeldChannel();
        channel.Release.SetResult();

        var retried = await Node("node-b", channel, audience, log).RetryPendingAsync(CancellationToken.None);
        var again = await Node("node-b", channel, audience, log).DistributeAsync([pack], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(retried.Deliveries).Status);
        Assert.Equal(DeliveryStatus.AlreadySent, Assert.Single(again.Deliveries).Status);
        Assert.Equal(id + "@strategylayer", Assert.Single(channel.Sent).MessageId);
        var warning = Assert.Single(sink.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning);
        Assert.Contains("node-gone-4711-ab12", warning.RenderMessage(), StringComparison.Ordinal);
        Assert.Contains("same Message-ID", warning.RenderMessage(), StringComparison.Ordinal);
        Assert.Null((await StoreFile.Store.GetDeliveryAsync(id, CancellationToken.None))!.AttemptBy);
    }
}
