using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store.Specification;

/// <summary>The role "runs and outbox" (<see cref="IRunReader"/>, <see cref="IRunStore"/>).</summary>
public abstract class RunSpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task Recent_runs_come_newest_first_and_can_be_filtered_by_job()
    {
        var t = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        var store = await NewStoreAsync();
        await store.SaveRunAsync(new RunRecord { Id = "r2", Job = "sync", Started = t.AddHours(2) }, None);
        await store.SaveRunAsync(new RunRecord { Id = "r1", Job = "sync", Started = t, Ended = t.AddMinutes(1), Result = RunResult.Succeeded, Counts = new Dictionary<string, long> { ["upserted"] = 12 }, Node = "host-a-41-9f3c", ScheduledFor = t }, None);
        await store.SaveRunAsync(new RunRecord { Id = "r3", Job = "report", Started = t.AddHours(1), Result = RunResult.Partial, Error = "chromium missing" }, None);
        await store.SaveRunAsync(new RunRecord { Id = "r2", Job = "sync", Started = t.AddHours(2), Ended = t.AddHours(3), Result = RunResult.Failed }, None);
        var reopened = await ReopenAsync(store);

        Assert.Equal(["r2", "r3", "r1"], (await reopened.RecentRunsAsync(10, null, None)).Select(r => r.Id));
        Assert.Equal(["r2", "r3"], (await reopened.RecentRunsAsync(2, null, None)).Select(r => r.Id));
        Assert.Equal(["r2", "r1"], (await reopened.RecentRunsAsync(5, "sync", None)).Select(r => r.Id));
        Assert.Equal(RunResult.Failed, (await reopened.RecentRunsAsync(1, null, None))[0].Result);
        var r1 = (await reopened.RecentRunsAsync(5, "sync", None))[1];
        Assert.Equal(12, r1.Counts["upserted"]);
        Assert.Equal(t.AddMinutes(1), r1.Ended);
        Assert.Equal(("host-a-41-9f3c", t), (r1.Node, r1.ScheduledFor));
        Assert.Empty(await reopened.RecentRunsAsync(0, null, None));
        Assert.Empty(await reopened.RecentRunsAsync(5, "distribute", None));
    }

    [Fact]
    public async Task The_outbox_keeps_deliveries_by_id_and_lists_them_by_state_oldest_first()
    {
        var created = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        var pending = new Delivery { Id = "d1", Audience = "executives", Channel = "email-exec", Recipient = "cio@example.com", Period = "2026-11", PackVersion = "v1", Files = ["portfolio-pack-2026-11.pdf"], Created = created };
        var store = await NewStoreAsync();
        await store.SaveDeliveryAsync(pending with { Id = "d3", Created = created.AddMinutes(3), State = DeliveryState.Failed, Attempts = 5, LastError = "535 auth failed", NextAttempt = created.AddHours(1) }, None);
        await store.SaveDeliveryAsync(pending, None);
        await store.SaveDeliveryAsync(pending with { Id = "d2", Channel = "share", Created = created.AddMinutes(1) }, None);
        await store.SaveDeliveryAsync(pending with { Id = "d2", Channel = "share", Created = created.AddMinutes(1), State = DeliveryState.Sent, Attempts = 1, Sent = created.AddMinutes(2) }, None);
        var reopened = await ReopenAsync(store);

        Assert.Equal(["d1", "d2", "d3"], (await reopened.OutboxAsync(null, None)).Select(d => d.Id));
        Assert.Equal(["d1"], (await reopened.OutboxAsync(DeliveryState.Pending, None)).Select(d => d.Id));
        Assert.Equal(["d2"], (await reopened.OutboxAsync(DeliveryState.Sent, None)).Select(d => d.Id));
        var failed = await reopened.GetDeliveryAsync("d3", None);
        Assert.NotNull(failed);
        Assert.Equal("535 auth failed", failed.LastError);
        Assert.Equal(pending.Files, failed.Files);
        Assert.Equal(pending with { Id = "d3", Files = [], Created = created.AddMinutes(3), State = DeliveryState.Failed, Attempts = 5, LastError = "535 auth failed", NextAttempt = created.AddHours(1) }, failed with { Files = [] });
        Assert.Null(await reopened.GetDeliveryAsync("nope", None));
    }
}
