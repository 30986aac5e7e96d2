using StrategyLayer.Distribution.Channels;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Distribution.Tests;

public sealed class OutboxTests : DeliveryScene
{

    /// <summary>A collecting sender that records what the outbox held at the moment of sending.</summary>
    private sealed class ObservingChannel(Func<OutgoingMessage, Task<Delivery?>> observe, bool fail = false) : IDeliveryChannel
    {
        public List<Delivery?> SeenInOutbox { get; } = [];

        public string Type => "folder";

        public IReadOnlyList<string?> Recipients(ChannelSettings channel) => [null];

        public async Task SendAsync(ChannelSettings channel, OutgoingMessage message, CancellationToken cancellationToken)
        {
            SeenInOutbox.Add(await observe(message));
            if (fail)
            {
                throw new IOException("share offline");
            }
        }
    }

    [Fact]
    public async Task A_delivery_is_in_the_outbox_before_it_is_sent_and_marked_sent_after()
    {
        var store = StoreFile.Store;
        var sender = new ObservingChannel(m => store.GetDeliveryAsync(m.Delivery.Id, CancellationToken.None));
        var audience = Packs.Audience("share");
        var distributor = new PackDistributor(store, [new ChannelSettings { Name = "share", Type = "folder", Path = Folder.Path }], [audience], Time, senders: [sender]);

        var result = await distributor.DistributeAsync([Packs.Write(Folder, audience)], CancellationToken.None);

        var seen = Assert.Single(sender.SeenInOutbox);
        Assert.NotNull(seen);
        Assert.Equal(DeliveryState.Pending, seen.State);
        Assert.Equal("https://pmo.example.com/strategylayer/packs/2026-11", seen.Link);
        var after = (await store.GetDeliveryAsync(Assert.Single(result.Deliveries).DeliveryId!, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, after.State);
        Assert.Equal(Time.GetUtcNow(), after.Sent);
    }

    [Fact]
    public async Task A_failed_delivery_survives_reopening_the_store_and_is_retried_from_it()
    {
        var store = StoreFile.Store;
        var audience = Packs.Audience("share");
        var channel = new ChannelSettings { Name = "share", Type = "folder", Path = Folder.File("share") };
        var failing = new ObservingChannel(_ => Task.FromResult<Delivery?>(null), fail: true);
        var failed = await new PackDistributor(store, [channel], [audience], Time, senders: [failing])
            .DistributeAsync([Packs.Write(Folder, audience)], CancellationToken.None);
        Assert.Contains("share offline", Assert.Single(failed.Deliveries).Error);

        // A later run (a new distributor over the same store, with the share back) picks it up.
        Time.Advance(TimeSpan.FromMinutes(5));
        var retried = await new PackDistributor(store, [channel], [audience], Time).RetryPendingAsync(CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(retried.Deliveries).Status);
        Assert.True(File.Exists(Path.Combine(channel.Path!, "2026-11", "portfolio-pack-2026-11.html")));
        Assert.Empty((await store.OutboxAsync(DeliveryState.Failed, CancellationToken.None)));
        Assert.Single((await store.OutboxAsync(DeliveryState.Sent, CancellationToken.None)));
    }

    [Fact]
    public async Task A_failed_older_pack_is_not_retried_once_a_newer_one_for_the_period_was_delivered()
    {
        var store = StoreFile.Store;
        var audience = Packs.Audience("share");
        var channel = new ChannelSettings { Name = "share", Type = "folder", Path = Folder.File("share") };
        var v1 = Assert.Single((await new PackDistributor(store, [channel], [audience], Time, senders: [new ObservingChannel(_ => Task.FromResult<Delivery?>(null), fail: true)])
            .DistributeAsync([Packs.Write(Folder, audience, "<h1>v1</h1>")], CancellationToken.None)).Deliveries);
        Time.Advance(TimeSpan.FromSeconds(10));
        var distributor = new PackDistributor(store, [channel], [audience], Time);
        await distributor.DistributeAsync([Packs.Write(Folder, audience, "<h1>v2</h1>")], CancellationToken.None);

        Time.Advance(TimeSpan.FromHours(1));
        var retried = await distributor.RetryPendingAsync(CancellationToken.None);

        Assert.Empty(retried.Deliveries);
        Assert.Equal("<h1>v2</h1>", File.ReadAllText(Path.Combine(channel.Path!, "2026-11", "portfolio-pack-2026-11.html")));
        Assert.StartsWith("superseded by delivery", (await store.GetDeliveryAsync(v1.DeliveryId!, CancellationToken.None))!.LastError);
    }

    [Fact]
    public async Task An_audience_naming_an_unknown_channel_fails_that_channel_only()
    {
        var audience = Packs.Audience("share", "nowhere");
        var distributor = new PackDistributor(StoreFile.Store, [new ChannelSettings { Name = "share", Type = "folder", Path = Folder.File("share") }], [audience], Time);

        var result = await distributor.DistributeAsync([Packs.Write(Folder, audience)], CancellationToken.None);

        Assert.True(result.AnyFailed);
        Assert.Equal([("nowhere", false), ("share", true)], result.Channels.Select(c => (c.Channel, c.Ok)));
        Assert.Contains("'nowhere', which is not configured", result.Deliveries.Single(d => d.Channel == "nowhere").Error);
    }

    [Fact]
    public void Configuration_problems_are_reported_with_their_json_paths()
    {
        ChannelSettings[] channels =
        [
            new() { Name = "mail", Type = "email", Smtp = new SmtpSettings { Host = "smtp", Security = "ssl" }, Subject = "{{ end }} {{ audience }}" },
            new() { Name = "chat", Type = "webhook", Format = "discord", Url = "https://hooks.example.com/x" },
        ];
        AudienceSettings[] audiences = [Packs.Audience("mail", "fax")];

        var problems = DistributionCheck.Check(audiences, channels, "strategylayer.json");

        Assert.Contains(problems, p => p.Path == "$.channels[0].smtp.security");
        Assert.Contains(problems, p => p.Path == "$.channels[0].from");
        Assert.Contains(problems, p => p.Path == "$.channels[0].to");
        Assert.Contains(problems, p => p.Path == "$.channels[0].subject");
        Assert.Contains(problems, p => p.Path == "$.channels[1].format");
        Assert.Contains(problems, p => p.Path == "$.audiences[0].channels[1]" && p.Message.Contains("'fax'"));
        Assert.All(problems, p => Assert.Equal("strategylayer.json", p.File));
    }

    [Fact]
    public void The_delivery_id_is_stable_and_differs_per_recipient_and_pack_version()
    {
        var id = DeliveryKey.For("executives", "email-exec", "cio@example.com", "2026-11", "v1");

        Assert.Equal(id, DeliveryKey.For("executives", "email-exec", "CIO@example.com", "2026-11", "v1"));
        Assert.NotEqual(id, DeliveryKey.For("executives", "email-exec", "cfo@example.com", "2026-11", "v1"));
        Assert.NotEqual(id, DeliveryKey.For("executives", "email-exec", "cio@example.com", "2026-11", "v2"));
        Assert.NotEqual(id, DeliveryKey.For("executives", "email-exec", "cio@example.com", "2026-12", "v1"));
    }
}
