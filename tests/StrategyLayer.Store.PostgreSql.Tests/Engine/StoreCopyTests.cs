using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.LiteDb;
using StrategyLayer.Store.Specification.Support;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Engine;

/// <summary><c>store copy --to postgresql://…</c>: a LiteDB store's whole content carried into an empty PostgreSQL database.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StoreCopyTests(PostgreSqlCluster cluster) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sl-copy-" + Guid.NewGuid().ToString("N")[..8]);

    private static SourceRecord Incident(string sysId, string number) => new(
        new WorkItem
        {
            Source = "servicenow",
            SourceId = sysId,
            Key = number,
            Kind = WorkItemKind.Incident,
            Table = "incident",
            Title = "Card payments fail ü",
            Status = "New",
            Category = StatusCategory.ToDo,
            Team = "Service Desk",
            Labels = ["p1"],
            Fields = new Dictionary<string, string?> { ["cmdb_ci"] = "payments" },
            Created = SpecItems.T0.AddDays(-1),
            Updated = SpecItems.T0,
        },
        "{\"sys_id\":\"" + sysId + "\"}");

    private async Task<LiteStrategyStore> FilledLiteStoreAsync()
    {
        var lite = LiteStrategyStore.Open(Path.Combine(_folder, "store.db"), new LiteStoreOptions { TimeProvider = TimeProvider.System });
        await using (var jira = await lite.BeginSyncAsync("jira", None))
        {
            var damaged = SpecItems.Record(SpecItems.Jira("2", "PAY-2")) with { Replaced = [new ReplacedText("summary", "bytes that are not UTF-8", 3)] };
            await jira.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "PAY-1")), damaged, SpecItems.Record(SpecItems.Jira("3", "PAY-3"))], [], "jira-cursor", None);
            await jira.CommitAsync("", [SpecItems.Record(SpecItems.Jira("1", "WEB-9", SpecItems.T0.AddHours(1)))], [new QuarantinedRecord("jira", "", "PAY-4", "4", "bad date", "{\"id\":\"4\"}") { Page = 2 }], null, None);
            await jira.MarkRemovedAsync([new ItemRemoval("3", new Removal(RemovalReason.OutOfScope, SpecItems.T0.AddDays(1)))], None);
        }

        await using (var sn = await lite.BeginSyncAsync("servicenow", None))
        {
            await sn.CommitAsync("incident", [Incident("9d38", "INC0010001")], [], "sn-cursor", None);
        }

        await lite.SaveMappingsAsync([new ItemMapping("jira/1", "M-PCI", new Decision(DecisionKind.Rule, "pci"), true)], [], None);
        await lite.SaveSnapshotAsync(new Snapshot("2026-10", SnapshotState.Frozen, SpecItems.T0, SpecItems.T0.AddDays(-2), "{\"m\":1}", [1, 2, 3]), None);
        await lite.SaveRunAsync(new RunRecord { Id = "r1", Job = "sync", Started = SpecItems.T0, Ended = SpecItems.T0.AddMinutes(1), Result = RunResult.Succeeded }, None);
        await lite.SaveDeliveryAsync(new Delivery { Id = "d1", Audience = "exec", Channel = "share", Period = "2026-10", PackVersion = "v1", Created = SpecItems.T0 }, None);
        await lite.SetValueAsync("rules.hash", "abc", None);
        return lite;
    }

    [Fact]
    public async Task Everything_a_litedb_store_holds_reads_back_the_same_from_postgresql()
    {
        await using var lite = await FilledLiteStoreAsync();
        await using var pg = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(await cluster.CreateDatabaseAsync("copy")), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None);

        var report = await StoreCopy.CopyAsync(lite, pg, null, None);

        Assert.Equal(4, report.Items);
        var before = await ListAsync(lite.ItemsAsync(null, None));
        var after = await ListAsync(pg.ItemsAsync(null, None));
        Assert.Equal(before.Select(Json), after.Select(Json));
        foreach (var item in before)
        {
            Assert.Equal(await lite.GetRawAsync(item.Uid, None), await pg.GetRawAsync(item.Uid, None));
        }

        Assert.Equal("jira/1", (await pg.FindItemAsync("jira:PAY-1", None))?.Uid);
        Assert.Equal(2, await pg.CountItemsAsync("jira", false, None));
        Assert.Equal(3, await pg.CountItemsAsync("jira", true, None));
        Assert.Equal((await lite.CursorsAsync(None)).Select(c => (c.Source, c.Partition, c.Cursor)), (await pg.CursorsAsync(None)).Select(c => (c.Source, c.Partition, c.Cursor)));
        var quarantined = Assert.Single(await pg.QuarantinedAsync("jira", None));
        Assert.Equal(("bad date", (int?)2), (quarantined.Reason, quarantined.Page));
        var replaced = Assert.Single(await pg.ReplacedTextAsync(null, None));
        Assert.Equal(("jira:PAY-2", "2"), (replaced.Id, replaced.SourceId));
        Assert.Equal(new ReplacedText("summary", "bytes that are not UTF-8", 3), Assert.Single(replaced.Fields));
        Assert.Equal("M-PCI", (await pg.LoadMappingsAsync(None))["jira/1"].MeasureId);
        Assert.Equal([1, 2, 3], (await pg.GetSnapshotAsync("2026-10", None))!.ItemRows);
        Assert.Equal(RunResult.Succeeded, Assert.Single(await pg.RecentRunsAsync(10, null, None)).Result);
        Assert.Equal("v1", (await pg.GetDeliveryAsync("d1", None))!.PackVersion);
        Assert.Equal("abc", await pg.GetValueAsync("rules.hash", None));
    }

    [Fact]
    public async Task A_target_that_already_holds_items_is_refused_and_left_as_it_was()
    {
        await using var lite = await FilledLiteStoreAsync();
        await using var pg = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(await cluster.CreateDatabaseAsync("copy")), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, None);
        await using (var sync = await pg.BeginSyncAsync("other", None))
        {
            await sync.CommitAsync("", [SpecItems.Record(SpecItems.Jira("7", "OPS-7") with { Source = "other" })], [], "c", None);
        }

        var error = await Assert.ThrowsAsync<StrategyLayer.Domain.Errors.StrategyLayerException>(() => StoreCopy.CopyAsync(lite, pg, null, None));

        Assert.Contains("empty store", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await pg.CountItemsAsync(null, true, None));
        Assert.Empty(await pg.LoadMappingsAsync(None));
    }

    private static async Task<List<WorkItem>> ListAsync(IAsyncEnumerable<WorkItem> items)
    {
        var list = new List<WorkItem>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static string Json(WorkItem item) => System.Text.Json.JsonSerializer.Serialize(item);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
