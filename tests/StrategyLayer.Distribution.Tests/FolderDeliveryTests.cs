using StrategyLayer.Distribution.Channels;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Store;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Distribution.Tests;

public sealed class FolderDeliveryTests : DeliveryScene
{

    private IRunStore Outbox => StoreFile.Store;

    private ChannelSettings Share => new() { Name = "share", Type = "folder", Path = Folder.File("share") };

    [Fact]
    public async Task A_pack_lands_in_a_dated_sub_folder_with_no_temporary_files_left()
    {
        var audience = Packs.Audience("share");
        var pack = Packs.Write(Folder, audience, "<h1>November</h1>");

        var result = await new PackDistributor(Outbox, [Share], [audience], Time).DistributeAsync([pack], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(result.Deliveries).Status);
        var dated = Path.Combine(Share.Path!, "2026-11");
        Assert.Equal(["portfolio-pack-2026-11.html", "portfolio-pack-2026-11.pdf"], Directory.GetFiles(dated).Select(Path.GetFileName).Order());
        Assert.Equal("<h1>November</h1>", File.ReadAllText(Path.Combine(dated, "portfolio-pack-2026-11.html")));
        Assert.Empty(Directory.GetFiles(Share.Path!, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_changed_pack_replaces_the_file_in_place()
    {
        var audience = Packs.Audience("share");
        var distributor = new PackDistributor(Outbox, [Share], [audience], Time);
        await distributor.DistributeAsync([Packs.Write(Folder, audience, "<h1>v1</h1>")], CancellationToken.None);

        await distributor.DistributeAsync([Packs.Write(Folder, audience, "<h1>v2</h1>")], CancellationToken.None);

        Assert.Equal("<h1>v2</h1>", File.ReadAllText(Path.Combine(Share.Path!, "2026-11", "portfolio-pack-2026-11.html")));
        Assert.Equal(2, (await Outbox.OutboxAsync(DeliveryState.Sent, CancellationToken.None)).Count);
    }

    [Fact]
    public void A_file_name_without_the_period_gets_it_appended()
    {
        Assert.Equal("untracked-2026-11.html", FolderChannel.NameWithPeriod("untracked.html", "2026-11"));
        Assert.Equal("untracked-2026-11.html", FolderChannel.NameWithPeriod("untracked-2026-11.html", "2026-11"));
    }

    [Theory]
    [InlineData("../outside", "pack.html")]
    [InlineData("2026-11", "../../pack.html")]
    [InlineData("/etc", "passwd")]
    public void A_target_outside_the_configured_folder_is_refused(string period, string name)
    {
        var e = Assert.Throws<DeliveryException>(() => FolderChannel.Resolve(Share, period, name));
        Assert.Contains("outside the folder", e.Message);
        Assert.Equal("share", e.Channel);
    }

    [Fact]
    public async Task An_escaping_delivery_fails_and_writes_nothing_outside()
    {
        var audience = Packs.Audience("share");
        var pack = Packs.Write(Folder, audience);
        var delivery = new Delivery
        {
            Id = "escape",
            Audience = "executives",
            Channel = "share",
            Period = "../../escaped",
            PackVersion = pack.PackVersion,
            Files = pack.Files,
            Created = Time.GetUtcNow(),
        };
        await Outbox.SaveDeliveryAsync(delivery, CancellationToken.None);

        var result = await new PackDistributor(Outbox, [Share], [audience], Time).RetryPendingAsync(CancellationToken.None);

        var outcome = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Contains("outside the folder", outcome.Error);
        Assert.False(Directory.Exists(Path.GetFullPath(Path.Combine(Share.Path!, "../../escaped"))));
    }

    [Fact]
    public async Task A_link_inside_the_folder_leading_out_of_it_is_not_followed()
    {
        var outside = Directory.CreateDirectory(Folder.File("outside")).FullName;
        Directory.CreateDirectory(Share.Path!);
        Directory.CreateSymbolicLink(Path.Combine(Share.Path!, "2026-11"), outside);
        var audience = Packs.Audience("share");

        var result = await new PackDistributor(Outbox, [Share], [audience], Time).DistributeAsync([Packs.Write(Folder, audience)], CancellationToken.None);

        var outcome = Assert.Single(result.Deliveries);
        Assert.Equal(DeliveryStatus.Failed, outcome.Status);
        Assert.Contains("is a link to", outcome.Error);
        Assert.Contains("outside the folder", outcome.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
    }

    [Fact]
    public async Task A_link_that_stays_inside_the_folder_and_a_folder_that_is_itself_a_link_are_followed()
    {
        var real = Directory.CreateDirectory(Folder.File("real-share")).FullName;
        var archive = Directory.CreateDirectory(Path.Combine(real, "archive")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(real, "2026-11"), archive);
        Directory.CreateSymbolicLink(Folder.File("share"), real);
        var audience = Packs.Audience("share");

        var result = await new PackDistributor(Outbox, [Share], [audience], Time).DistributeAsync([Packs.Write(Folder, audience)], CancellationToken.None);

        Assert.Equal(DeliveryStatus.Sent, Assert.Single(result.Deliveries).Status);
        Assert.True(File.Exists(Path.Combine(archive, "portfolio-pack-2026-11.html")));
    }
}
