using System.Text.Json.Nodes;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;
using StrategyLayer.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Xunit;

namespace StrategyLayer.Distribution.Tests;

public sealed class WebhookDeliveryTests : DeliveryScene, IClassFixture<WebhookServerFixture>
{
    private readonly WireMockServer _server;
    private readonly string _path = "/hooks/" + Guid.NewGuid().ToString("N");

    public WebhookDeliveryTests(WebhookServerFixture fixture)
    {
        _server = fixture.Server;
        _server.Given(Request.Create().WithPath(_path + "/ok").UsingPost()).RespondWith(Response.Create().WithStatusCode(200).WithBody("1"));
        _server.Given(Request.Create().WithPath(_path + "/down").UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
    }

    private IRunStore Outbox => StoreFile.Store;

    private ChannelSettings Hook(string format, string tail = "/ok") =>
        new() { Name = "chat", Type = "webhook", Format = format, Url = _server.Url + _path + tail };

    private JsonObject PostedBody()
    {
        var entry = Assert.Single(_server.LogEntries, e => e.RequestMessage.Path.StartsWith(_path, StringComparison.Ordinal));
        Assert.StartsWith("application/json", entry.RequestMessage.Headers!["Content-Type"].Single());
        return JsonNode.Parse(entry.RequestMessage.Body!)!.AsObject();
    }

    [Fact]
    public async Task A_slack_webhook_gets_text_and_blocks_with_the_summary_and_the_link()
    {
        var audience = Packs.Audience("chat");
        var pack = Packs.Write(Folder, audience) with { Summary = "2 measures red <!channel> & more" };

        var result = await new PackDistributor(Outbox, [Hook("slack")], [audience], Time).DistributeAsync([pack], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(result.Deliveries).Status);
        var body = PostedBody();
        Assert.Equal("executives — 2026-11 status pack https://pmo.example.com/strategylayer/packs/2026-11", (string?)body["text"]);
        var blocks = body["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "section"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("plain_text", (string?)blocks[0]!["text"]!["type"]);
        Assert.Equal("mrkdwn", (string?)blocks[1]!["text"]!["type"]);
        Assert.Equal("2 measures red &lt;!channel&gt; &amp; more", (string?)blocks[1]!["text"]!["text"]);
        Assert.Equal("<https://pmo.example.com/strategylayer/packs/2026-11|Open the pack>", (string?)blocks[2]!["text"]!["text"]);
    }

    [Fact]
    public async Task A_teams_webhook_gets_a_message_with_an_adaptive_card()
    {
        var audience = Packs.Audience("chat");
        var pack = Packs.Write(Folder, audience);

        await new PackDistributor(Outbox, [Hook("teams")], [audience], Time).DistributeAsync([pack], CancellationToken.None);

        var body = PostedBody();
        Assert.Equal("message", (string?)body["type"]);
        var attachment = Assert.Single(body["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.4", (string?)card["version"]);
        Assert.Equal(["executives — 2026-11 status pack", "3 of 5 measures on track; 2 blocked dependencies."], card["body"]!.AsArray().Select(b => (string?)b!["text"]));
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("https://pmo.example.com/strategylayer/packs/2026-11", (string?)action["url"]);
    }

    [Fact]
    public async Task A_failing_webhook_keeps_the_delivery_and_the_error_does_not_reveal_the_url()
    {
        var audience = Packs.Audience("chat");
        var pack = Packs.Write(Folder, audience);

        var result = await new PackDistributor(Outbox, [Hook("slack", "/down")], [audience], Time).DistributeAsync([pack], CancellationToken.None);

        var outcome = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Contains("503", outcome.Error);
        Assert.DoesNotContain(_path, outcome.Error);
        Assert.Equal(DeliveryState.Failed, (await Outbox.GetDeliveryAsync(outcome.DeliveryId!, CancellationToken.None))!.State);
        Assert.Equal("chat", Assert.Single(result.Channels).Channel);
    }

    [Fact]
    public async Task Exception_notices_go_at_once_to_audiences_that_ask_for_them_and_only_once()
    {
        var asks = new AudienceSettings { Name = "pmo", Template = "portfolio-pack", Channels = ["chat"], Exceptions = true };
        var quiet = new AudienceSettings { Name = "executives", Template = "portfolio-pack", Channels = ["chat"] };
        var distributor = new PackDistributor(Outbox, [Hook("slack")], [asks, quiet], Time);
        ExceptionNotice[] notices =
        [
            new(ExceptionKind.MeasureTurnedRed, "red:M-PCI-TOKEN", "Card data tokenized turned red (28% vs 40% planned)"),
            new(ExceptionKind.NewBlocker, "blocker:jira:PAY-12>jira:WEB-7", "PAY-12 is blocked by WEB-7 (Web team)", "https://jira.example.com/browse/WEB-7"),
        ];

        var first = await distributor.NotifyExceptionsAsync(Packs.November, notices, CancellationToken.None);
        var second = await distributor.NotifyExceptionsAsync(Packs.November, notices, CancellationToken.None);

        var sent = Assert.Single(first.Deliveries);
        Assert.Equal(("pmo", DeliveryStatus.Sent), (sent.Audience, sent.Status));
        Assert.Equal(DeliveryStatus.AlreadySent, Assert.Single(second.Deliveries).Status);
        var body = PostedBody();
        Assert.Equal("pmo — 2026-11 exceptions", (string?)body["blocks"]![0]!["text"]!["text"]);
        var text = (string?)body["blocks"]![1]!["text"]!["text"];
        Assert.Contains("Card data tokenized turned red", text);
        Assert.Contains("PAY-12 is blocked by WEB-7", text);
    }
}
