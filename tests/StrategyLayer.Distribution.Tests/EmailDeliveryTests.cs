using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Distribution.Tests;

public sealed class EmailDeliveryTests : DeliveryScene, IClassFixture<SmtpServerFixture>
{
    private readonly SmtpServerFixture _smtp;

    public EmailDeliveryTests(SmtpServerFixture smtp)
    {
        _smtp = smtp;
        _smtp.ClearInbox();
    }

    private IRunStore Outbox => StoreFile.Store;

    private ChannelSettings Email(string? subject = null) => new()
    {
        Name = "email-exec",
        Type = "email",
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = _smtp.Port, Security = "none" },
        From = "pmo@example.com",
        To = ["cio@example.com", "cfo@example.com"],
        Subject = subject,
    };

    private PackDistributor Distributor(ChannelSettings channel, AudienceSettings audience) =>
        new(Outbox, [channel], [audience], Time);

    [Fact]
    public async Task A_pack_arrives_for_each_recipient_with_subject_attachments_and_a_stable_message_id()
    {
        var audience = Packs.Audience("email-exec");
        var pack = Packs.Write(Folder, audience);

        var result = await Distributor(Email(), audience).DistributeAsync([pack], CancellationToken.None);

        Assert.False(result.AnyFailed);
        Assert.Equal(2, result.Sent);
        var messages = _smtp.Messages();
        Assert.Equal(2, messages.Count);
        Assert.Equal(["cfo@example.com", "cio@example.com"], messages.Select(m => m.Headers["X-Envelope-To"]).Order());
        foreach (var message in messages)
        {
            Assert.Equal("executives — 2026-11 status pack", message.Subject);
            Assert.Equal("pmo@example.com", message.From.Mailboxes.Single().Address);
            Assert.Equal(["portfolio-pack-2026-11.html", "portfolio-pack-2026-11.pdf"], message.Attachments.Select(a => a.ContentDisposition?.FileName).Order());
            Assert.Contains("3 of 5 measures on track", message.TextBody);
            Assert.Contains("https://pmo.example.com/strategylayer/packs/2026-11", message.TextBody);
            var recipient = message.To.Mailboxes.Single().Address;
            var id = DeliveryKey.For("executives", "email-exec", recipient, "2026-11", pack.PackVersion);
            Assert.Equal($"{id}@strategylayer", message.MessageId);
            Assert.Equal(DeliveryState.Sent, (await Outbox.GetDeliveryAsync(id, CancellationToken.None))!.State);
        }
    }

    [Fact]
    public async Task The_subject_comes_from_the_channel_template()
    {
        var audience = Packs.Audience("email-exec");
        var pack = Packs.Write(Folder, audience);

        await Distributor(Email("[PMO] {{ template }} for {{ period }} ({{ audience | string.upcase }})"), audience).DistributeAsync([pack], CancellationToken.None);

        Assert.All(_smtp.Messages(), m => Assert.Equal("[PMO] portfolio-pack for 2026-11 (EXECUTIVES)", m.Subject));
    }

    [Fact]
    public async Task A_pack_already_delivered_for_the_period_is_not_sent_again_unless_it_changed()
    {
        var audience = Packs.Audience("email-exec");
        var distributor = Distributor(Email() with { To = ["cio@example.com"] }, audience);
        var pack = Packs.Write(Folder, audience, "<h1>v1</h1>");

        await distributor.DistributeAsync([pack], CancellationToken.None);
        var again = await distributor.DistributeAsync([Packs.Write(Folder, audience, "<h1>v1</h1>")], CancellationToken.None);
        Assert.Equal(DeliveryStatus.AlreadySent, Assert.Single(again.Deliveries).Status);
        Assert.Single(_smtp.Messages());

        var changed = await distributor.DistributeAsync([Packs.Write(Folder, audience, "<h1>v2</h1>")], CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(changed.Deliveries).Status);
        Assert.Equal(2, _smtp.Messages().Count);
    }

    [Fact]
    public async Task A_delivery_that_failed_while_the_server_was_down_arrives_exactly_once_after_it_comes_back()
    {
        var audience = Packs.Audience("email-exec");
        var distributor = Distributor(Email() with { To = ["cio@example.com"] }, audience);
        var pack = Packs.Write(Folder, audience);

        await _smtp.StopAsync();
        DistributionResult down;
        try
        {
            down = await distributor.DistributeAsync([pack], CancellationToken.None);
        }
        finally
        {
            await _smtp.StartAsync();
        }

        var failed = Assert.Single(down.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.True(down.AnyFailed);
        Assert.False(Assert.Single(down.Channels).Ok);
        var kept = (await Outbox.GetDeliveryAsync(failed.DeliveryId!, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Failed, kept.State);
        Assert.Equal(1, kept.Attempts);
        Assert.Contains($"127.0.0.1:{_smtp.Port}", kept.LastError);
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromMinutes(1), kept.NextAttempt);

        // Not due yet: a retry now sends nothing.
        Assert.Empty((await distributor.RetryPendingAsync(CancellationToken.None)).Deliveries);
        Assert.Empty(_smtp.Messages());

        Time.Advance(TimeSpan.FromMinutes(1));
        var retried = await distributor.RetryPendingAsync(CancellationToken.None);
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(retried.Deliveries).Status);
        var further = await distributor.RetryPendingAsync(CancellationToken.None);
        Assert.Empty(further.Deliveries);
        var rerun = await distributor.DistributeAsync([pack], CancellationToken.None);
        Assert.Equal(DeliveryStatus.AlreadySent, Assert.Single(rerun.Deliveries).Status);

        var message = Assert.Single(_smtp.Messages());
        Assert.Equal($"{failed.DeliveryId}@strategylayer", message.MessageId);
        var sent = (await Outbox.GetDeliveryAsync(failed.DeliveryId!, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task Retries_back_off_exponentially_while_the_server_stays_down()
    {
        var audience = Packs.Audience("email-exec");
        var channel = Email() with { To = ["cio@example.com"], Smtp = new SmtpSettings { Host = "127.0.0.1", Port = 1, Security = "none" } };
        var distributor = Distributor(channel, audience);

        var first = Assert.Single((await distributor.DistributeAsync([Packs.Write(Folder, audience)], CancellationToken.None)).Deliveries);
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = Assert.Single((await distributor.RetryPendingAsync(CancellationToken.None)).Deliveries);

        Assert.Equal(DeliveryStatus.Failed, second.Status);
        Assert.Equal(Time.GetUtcNow() + TimeSpan.FromMinutes(2), second.NextAttempt);
        Assert.Equal(2, (await Outbox.GetDeliveryAsync(first.DeliveryId!, CancellationToken.None))!.Attempts);
        Assert.Single((await Outbox.OutboxAsync(DeliveryState.Failed, CancellationToken.None)));
    }
}
