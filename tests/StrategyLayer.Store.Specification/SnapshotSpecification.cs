using StrategyLayer.Domain.Reporting;

namespace StrategyLayer.Store.Specification;

/// <summary>The role "snapshots" (<see cref="ISnapshotReader"/>, <see cref="ISnapshotStore"/>).</summary>
public abstract class SnapshotSpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task Snapshots_keep_their_item_rows_byte_for_byte_however_large()
    {
        var big = new byte[(3 << 20) + 123];
        new Random(7).NextBytes(big);
        var built = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(1));
        var november = new Snapshot("2026-11", SnapshotState.Frozen, built, built.AddHours(-6).ToOffset(TimeSpan.FromHours(-5)), "{\"M-PCI\":{\"actual\":40}}", big);
        var december = new Snapshot("2026-12", SnapshotState.Provisional, built, built, "{}", [1, 2, 3]);
        var store = await NewStoreAsync();

        await store.SaveSnapshotAsync(november with { ItemRows = new byte[5 << 20] }, None);
        await store.SaveSnapshotAsync(november, None);
        await store.SaveSnapshotAsync(december, None);
        var reopened = await ReopenAsync(store);

        var back = await reopened.GetSnapshotAsync("2026-11", None);
        Assert.NotNull(back);
        Assert.Equal(big, back.ItemRows);
        Assert.Equal(november with { ItemRows = [] }, back with { ItemRows = [] });
        Assert.Equal(built.Offset, back.BuiltAt.Offset);
        Assert.Equal(TimeSpan.FromHours(-5), back.AsOf.Offset);
        Assert.Equal([1, 2, 3], (await reopened.GetSnapshotAsync("2026-12", None))!.ItemRows);
        Assert.Null(await reopened.GetSnapshotAsync("2026-10", None));
        Assert.Equal(["2026-11", "2026-12"], await reopened.SnapshotPeriodsAsync(None));
    }

    [Fact]
    public async Task A_snapshot_with_no_rows_and_one_replaced_by_fewer_rows_read_back_exactly()
    {
        var at = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        var store = await NewStoreAsync();
        await store.SaveSnapshotAsync(new Snapshot("2026-W47", SnapshotState.Provisional, at, at, "{}", new byte[(2 << 20) + 5]), None);

        await store.SaveSnapshotAsync(new Snapshot("2026-W47", SnapshotState.Frozen, at.AddDays(1), at.AddDays(1), "{\"x\":1}", [9]), None);
        await store.SaveSnapshotAsync(new Snapshot("2026-Q4", SnapshotState.Provisional, at, at, "{}", []), None);

        var week = await store.GetSnapshotAsync("2026-W47", None);
        Assert.Equal([9], week!.ItemRows);
        Assert.Equal(SnapshotState.Frozen, week.State);
        Assert.Equal("{\"x\":1}", week.AggregatesJson);
        Assert.Empty((await store.GetSnapshotAsync("2026-Q4", None))!.ItemRows);
    }
}
