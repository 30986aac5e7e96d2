using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.Tests;

/// <summary>Cursors, mappings, meta, snapshots, runs and the outbox, each read back from a reopened file.</summary>
public sealed class StoreRecordsTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _path;

    public StoreRecordsTests() => _path = _temp.File("records.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Cursors_are_kept_per_source_and_partition_and_a_null_cursor_leaves_one_alone()
    {
        using (var store = LiteStrategyStore.Open(_path))
        {
            store.CommitPage("servicenow", "incident", [], [], "2026-11-02T09:00:00Z");
            store.CommitPage("servicenow", "problem", [], [], "2026-11-01T00:00:00Z|abc");
            store.CommitPage("servicenow", "incident", [], [], null);
            store.CommitPage("jira", "", [], [], "2026-10-01T00:00:00Z");
        }

        using var reopened = LiteStrategyStore.Open(_path);
        Assert.Equal("2026-11-02T09:00:00Z", reopened.GetCursor("servicenow", "incident"));
        Assert.Equal("2026-11-01T00:00:00Z|abc", reopened.GetCursor("servicenow", "problem"));
        Assert.Null(reopened.GetCursor("servicenow", "change_request"));
        Assert.Equal(
            ["jira/", "servicenow/incident", "servicenow/problem"],
            reopened.Cursors().Select(c => c.Source + "/" + c.Partition));
        Assert.All(reopened.Cursors(), c => Assert.NotNull(c.LastCommit));
    }

    [Fact]
    public void Mappings_are_saved_loaded_and_dropped_with_their_provenance()
    {
        var pinned = new ItemMapping("jira/1", "M-RUN-COST", new Decision(DecisionKind.Pin), true);
        var inherited = new ItemMapping("jira/2", "M-PCI", new Decision(DecisionKind.Inherited, "pci-work", ["jira:PAY-1", "jira:PAY-0"]), true);
        var untracked = new ItemMapping("jira/3", null, Decision.None, true);
        using (var store = LiteStrategyStore.Open(_path))
        {
            Assert.Equal(3, store.SaveMappings([pinned, inherited, untracked], []));
            Assert.Equal(1, store.SaveMappings([], ["jira/1", "jira/404"]));
        }

        using var reopened = LiteStrategyStore.Open(_path);
        var mappings = reopened.LoadMappings();
        Assert.Equal(["jira/2", "jira/3"], mappings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(inherited.DecidedBy.Via, mappings["jira/2"].DecidedBy.Via);
        Assert.Equal(inherited with { DecidedBy = Decision.None }, mappings["jira/2"] with { DecidedBy = Decision.None });
        Assert.Equal("pci-work", mappings["jira/2"].DecidedBy.Rule);
        Assert.Equal(untracked, mappings["jira/3"]);
        Assert.True(mappings["jira/3"].Untracked);
    }

    [Fact]
    public void Meta_values_persist_and_the_schema_version_is_recorded()
    {
        using (var store = LiteStrategyStore.Open(_path))
        {
            store.SetMeta("rulesHash", "abc");
            store.SetMeta("rulesHash", "def");
            Assert.Throws<ArgumentException>(() => store.SetMeta("schemaVersion", "9"));
        }

        using var reopened = LiteStrategyStore.Open(_path);
        Assert.Equal("def", reopened.GetMeta("rulesHash"));
        Assert.Null(reopened.GetMeta("lastFullSync"));
        Assert.Equal("2", reopened.GetMeta("schemaVersion"));
    }

    [Fact]
    public void Snapshots_keep_their_item_rows_byte_for_byte_even_beyond_a_document_size()
    {
        var big = new byte[(3 << 20) + 123];
        new Random(7).NextBytes(big);
        var built = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.FromHours(1));
        var november = new Snapshot("2026-11", SnapshotState.Frozen, built, built.AddHours(-6), "{\"M-PCI\":{\"actual\":40}}", big);
        var december = new Snapshot("2026-12", SnapshotState.Provisional, built, built, "{}", [1, 2, 3]);
        using (var store = LiteStrategyStore.Open(_path))
        {
            store.SaveSnapshot(november with { ItemRows = new byte[5 << 20] });
            store.SaveSnapshot(november);
            store.SaveSnapshot(december);
        }

        using var reopened = LiteStrategyStore.Open(_path);
        var back = reopened.GetSnapshot("2026-11");
        Assert.NotNull(back);
        Assert.Equal(big, back.ItemRows);
        Assert.Equal(november with { ItemRows = [] }, back with { ItemRows = [] });
        Assert.Equal(built.Offset, back.BuiltAt.Offset);
        Assert.Equal([1, 2, 3], reopened.GetSnapshot("2026-12")!.ItemRows);
        Assert.Null(reopened.GetSnapshot("2026-10"));
        Assert.Equal(["2026-11", "2026-12"], reopened.SnapshotPeriods());
    }

    [Fact]
    public void Recent_runs_come_newest_first_and_can_be_filtered_by_job()
    {
        var t = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        using (var store = LiteStrategyStore.Open(_path))
        {
            store.SaveRun(new RunRecord { Id = "r2", Job = "sync", Started = t.AddHours(2) });
            store.SaveRun(new RunRecord { Id = "r1", Job = "sync", Started = t, Ended = t.AddMinutes(1), Result = RunResult.Succeeded, Counts = new Dictionary<string, long> { ["upserted"] = 12 }, Node = "host-a-41-9f3c", ScheduledFor = t });
            store.SaveRun(new RunRecord { Id = "r3", Job = "report", Started = t.AddHours(1), Result = RunResult.Partial, Error = "chromium missing" });
            store.SaveRun(new RunRecord { Id = "r2", Job = "sync", Started = t.AddHours(2), Ended = t.AddHours(3), Result = RunResult.Failed });
        }

        using var reopened = LiteStrategyStore.Open(_path);
        Assert.Equal(["r2", "r3", "r1"], reopened.RecentRuns(10).Select(r => r.Id));
        Assert.Equal(["r2", "r3"], reopened.RecentRuns(2).Select(r => r.Id));
        Assert.Equal(["r2", "r1"], reopened.RecentRuns(5, "sync").Select(r => r.Id));
        Assert.Equal(RunResult.Failed, reopened.RecentRuns(1)[0].Result);
        var r1 = reopened.RecentRuns(5, "sync")[1];
        Assert.Equal(12, r1.Counts["upserted"]);
        Assert.Equal(t.AddMinutes(1), r1.Ended);
        Assert.Equal(("host-a-41-9f3c", t), (r1.Node, r1.ScheduledFor));
        Assert.Empty(reopened.RecentRuns(0));
    }

    [Fact]
    public void The_outbox_keeps_deliveries_by_id_and_lists_them_by_state()
    {
        var created = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        var pending = new Delivery { Id = "d1", Audience = "executives", Channel = "email-exec", Recipient = "cio@example.com", Period = "2026-11", PackVersion = "v1", Files = ["portfolio-pack-2026-11.pdf"], Created = created };
        using (var store = LiteStrategyStore.Open(_path))
        {
            store.SaveDelivery(pending);
            store.SaveDelivery(pending with { Id = "d2", Channel = "share", Created = created.AddMinutes(1) });
            store.SaveDelivery(pending with { Id = "d2", Channel = "share", Created = created.AddMinutes(1), State = DeliveryState.Sent, Attempts = 1, Sent = created.AddMinutes(2) });
            store.SaveDelivery(pending with { Id = "d3", Created = created.AddMinutes(3), State = DeliveryState.Failed, Attempts = 5, LastError = "535 auth failed", NextAttempt = created.AddHours(1) });
        }

        using var reopened = LiteStrategyStore.Open(_path);
        Assert.Equal(["d1", "d2", "d3"], reopened.Outbox().Select(d => d.Id));
        Assert.Equal(["d1"], reopened.Outbox(DeliveryState.Pending).Select(d => d.Id));
        Assert.Equal(["d2"], reopened.Outbox(DeliveryState.Sent).Select(d => d.Id));
        var failed = reopened.GetDelivery("d3");
        Assert.NotNull(failed);
        Assert.Equal("535 auth failed", failed.LastError);
        Assert.Equal(pending.Files, failed.Files);
        Assert.Equal(pending with { Id = "d3", Files = [], Created = created.AddMinutes(3), State = DeliveryState.Failed, Attempts = 5, LastError = "535 auth failed", NextAttempt = created.AddHours(1) }, failed with { Files = [] });
        Assert.Null(reopened.GetDelivery("nope"));
    }
}
