using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Store.Specification.Support;

namespace StrategyLayer.Store.Specification;

/// <summary>
/// <see cref="StoreCopy"/> between two stores of the engine: whatever the contract reads back from the
/// source store, it reads back the same from the copy (the store's own dates included: when links were
/// first seen, since when records are quarantined or carry replaced text, when cursors were last
/// committed), except the sign-in keys, which are secrets and never copied.
/// </summary>
public abstract class CopySpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    private static readonly DateTimeOffset CopiedAt = SpecItems.T0.AddDays(30);

    [Fact]
    public async Task A_copy_keeps_every_link_sighting_with_its_first_seen_time()
    {
        var from = await FilledStoreAsync();
        var to = await NewStoreAsync(new FakeTimeProvider(CopiedAt));

        var report = await StoreCopy.CopyAsync(from, to, null, None);

        var before = Sightings(await ListAsync(from.LinkHistoryAsync(None)));
        Assert.Equal(5, before.Count); // the fill below: blockers seen at T0 (twice), T0 + 8 d (twice) and at the moved item's update
        Assert.Contains(("jira/10001", "OPS-1", SpecItems.T0), before);
        Assert.Equal(before, Sightings(await ListAsync(to.LinkHistoryAsync(None))));
        Assert.Equal(5, report.LinkSightings);
    }

    [Fact]
    public async Task A_copy_reads_back_the_same_through_every_role_of_the_contract()
    {
        var from = await FilledStoreAsync();
        var to = await NewStoreAsync(new FakeTimeProvider(CopiedAt));

        await StoreCopy.CopyAsync(from, to, null, None);

        var items = await ListAsync(from.ItemsAsync(ItemQuery.All, None));
        Assert.Equal(6, items.Count);
        Assert.Equal(items.Select(Json), (await ListAsync(to.ItemsAsync(ItemQuery.All, None))).Select(Json));
        Assert.Equal((await ListAsync(from.ItemsAsync(new ItemQuery { IncludeRemoved = false }, None))).Select(Json), (await ListAsync(to.ItemsAsync(new ItemQuery { IncludeRemoved = false }, None))).Select(Json));
        Assert.Equal((await ListAsync(from.ItemsAsync(new ItemQuery { Team = "ops" }, None))).Select(Json), (await ListAsync(to.ItemsAsync(new ItemQuery { Team = "ops" }, None))).Select(Json));
        foreach (var item in items)
        {
            Assert.Equal(await from.GetRawAsync(item.Uid, None), await to.GetRawAsync(item.Uid, None));
        }

        // Keys a moved item left behind, in any case, and counts per source.
        foreach (var name in new[] { "jira:PAY-7", "jira:pay-8", "PAY-7", "jira:WEB-7", "servicenow:INC0010001" })
        {
            Assert.Equal((await from.FindItemAsync(name, None))?.Uid, (await to.FindItemAsync(name, None))?.Uid);
        }

        Assert.Equal("jira/10007", (await to.FindItemAsync("jira:PAY-8", None))?.Uid);
        foreach (var source in new string?[] { null, "jira", "servicenow", "other" })
        {
            Assert.Equal(await from.CountItemsAsync(source, false, None), await to.CountItemsAsync(source, false, None));
            Assert.Equal(await from.CountItemsAsync(source, true, None), await to.CountItemsAsync(source, true, None));
        }

        Assert.Equal(Quarantine(await from.QuarantinedAsync(null, None)), Quarantine(await to.QuarantinedAsync(null, None)));
        Assert.Single(await to.QuarantinedAsync("servicenow", None));
        Assert.Equal(Replaced(await from.ReplacedTextAsync(null, None)), Replaced(await to.ReplacedTextAsync(null, None)));
        Assert.Equal(
            (await from.CursorsAsync(None)).Select(c => (c.Source, c.Partition, c.Cursor, c.LastCommit?.ToUniversalTime())),
            (await to.CursorsAsync(None)).Select(c => (c.Source, c.Partition, c.Cursor, c.LastCommit?.ToUniversalTime())));
        Assert.Equal(SpecItems.T0.AddDays(9), (await to.CursorsAsync(None)).Single(c => c.Partition == "incident").LastCommit);
        Assert.Equal(SpecItems.T0.AddHours(1), (await to.QuarantinedAsync("jira", None)).Single().Since);
        Assert.Equal(SpecItems.T0.AddHours(1), (await to.ReplacedTextAsync("jira", None)).Single().Since);

        Assert.Equal(Serialized(await from.LoadMappingsAsync(None)), Serialized(await to.LoadMappingsAsync(None)));
        Assert.Equal((await ListAsync(from.MappedItemsAsync(None))).Select(Serialized), (await ListAsync(to.MappedItemsAsync(None))).Select(Serialized));
        Assert.Equal(await from.SnapshotPeriodsAsync(None), await to.SnapshotPeriodsAsync(None));
        foreach (var period in await from.SnapshotPeriodsAsync(None))
        {
            Assert.Equal(Serialized(await from.GetSnapshotAsync(period, None)), Serialized(await to.GetSnapshotAsync(period, None)));
        }

        Assert.Equal(Serialized(await from.RecentRunsAsync(100, null, None)), Serialized(await to.RecentRunsAsync(100, null, None)));
        Assert.Equal(Serialized(await from.OutboxAsync(null, None)), Serialized(await to.OutboxAsync(null, None)));
        Assert.Equal(Serialized(await from.ValuesAsync(None)), Serialized(await to.ValuesAsync(None)));
        Assert.Equal(3, (await to.ValuesAsync(None)).Count);

        // Sign-in keys are secrets: a copy leaves them behind (people sign in again).
        Assert.Single(from.SignInKeys());
        Assert.Empty(to.SignInKeys());
    }

    /// <summary>
    /// Two sources with what a store of a few syncs holds: links first seen at several times, an item
    /// that moved twice, a removed item, quarantined records, replaced text, cursors, and the other
    /// roles' data.
    /// </summary>
    private async Task<IStrategyStore> FilledStoreAsync()
    {
        var clock = new FakeTimeProvider(SpecItems.T0.AddHours(1));
        var store = await NewStoreAsync(clock);
        await CommitAsync(store, "jira", "default", [
            SpecItems.Record(Blocked("10001", "PAY-1", SpecItems.T0, "OPS-1")),
            SpecItems.Record(Blocked("10002", "PAY-2", SpecItems.T0)),
            SpecItems.Record(SpecItems.Jira("10007", "PAY-7", team: "OPS")),
            SpecItems.Record(SpecItems.Jira("10009", "PAY-9")) with { Replaced = [new ReplacedText("summary", "a lone UTF-16 surrogate", 2)] },
        ], [new QuarantinedRecord("jira", "default", "PAY-4", "10004", "bad date", "{\"id\":\"10004\"}") { Page = 1 }], "c1");

        clock.SetUtcNow(SpecItems.T0.AddDays(9));
        await CommitAsync(store, "jira", "default", [
            SpecItems.Record(Blocked("10001", "PAY-1", SpecItems.T0.AddDays(8), "OPS-1", "OPS-2")),
            SpecItems.Record(Blocked("10002", "PAY-2", SpecItems.T0.AddDays(8), "OPS-3")),
            SpecItems.Record(SpecItems.Jira("10007", "PAY-8", SpecItems.T0.AddDays(1), team: "OPS")),
        ], cursor: "c2");
        await CommitAsync(store, "jira", "default", [SpecItems.Record(Blocked("10007", "WEB-7", SpecItems.T0.AddDays(2), "OPS-9") with { Team = "OPS" })], cursor: "c3");
        await CommitAsync(store, "jira", "default", [SpecItems.Record(SpecItems.Jira("10010", "PAY-10"))], cursor: "c4");
        await MarkRemovedAsync(store, "jira", new ItemRemoval("10010", new Removal(RemovalReason.OutOfScope, SpecItems.T0.AddDays(9))));

        var incident = SpecItems.Full();
        await CommitAsync(store, "servicenow", "incident", [new SourceRecord(incident, "{\"sys_id\":\"" + incident.SourceId + "\",\"x\":\"ü\"}")], [new QuarantinedRecord("servicenow", "incident", null, "abc", "no number", "{\"sys_id\":\"abc\"}") { Page = 3 }], "sn-1");
        await CommitAsync(store, "servicenow", "change_request", [], cursor: "sn-2");
        await CommitAsync(store, "other", "default", [], [new QuarantinedRecord("other", "default", "X-1", null, "unreadable", "{}")]);

        await store.SaveMappingsAsync([
            new ItemMapping("jira/10001", "M-PCI", new Decision(DecisionKind.Rule, "pci"), true),
            new ItemMapping("jira/10002", "M-PCI", new Decision(DecisionKind.Inherited, "pci", ["jira:PAY-1"]), true),
            new ItemMapping("jira/10007", null, Decision.None, true),
        ], [], None);
        await store.SaveSnapshotAsync(new Snapshot("2026-10", SnapshotState.Frozen, SpecItems.T0, SpecItems.T0.AddDays(-2), "{\"m\":1}", [1, 2, 3]), None);
        await store.SaveSnapshotAsync(new Snapshot("2026-11", SnapshotState.Provisional, SpecItems.T0.AddDays(1), SpecItems.T0, "{\"m\":2}", [4, 5]), None);
        await store.SaveRunAsync(new RunRecord { Id = "r1", Job = "sync", Started = SpecItems.T0, Ended = SpecItems.T0.AddMinutes(1), Result = RunResult.Succeeded }, None);
        await store.SaveRunAsync(new RunRecord { Id = "r2", Job = "run", Started = SpecItems.T0.AddDays(1), Result = RunResult.Failed }, None);
        await store.SaveDeliveryAsync(new Delivery { Id = "d1", Audience = "exec", Channel = "share", Period = "2026-10", PackVersion = "v1", Created = SpecItems.T0 }, None);
        await store.SetValueAsync("rules.hash", "abc", None);
        await store.SetValueAsync("sync.lastFull.jira", "2026-11-02T09:30:00Z", None);
        await store.SetValueAsync("watermark", "ü \"quoted\"", None);
        store.AddSignInKey("key-1", "<key id=\"1\"/>");
        return store;
    }

    private static WorkItem Blocked(string id, string key, DateTimeOffset updated, params string[] blockers) =>
        SpecItems.Jira(id, key, updated) with
        {
            Links = [.. blockers.Select(b => new ItemLink(LinkTypes.IsBlockedBy, b, "In Progress", StatusCategory.InProgress, "OPS")), new ItemLink("relates to", "WEB-1")],
        };

    private static List<(string Uid, string Target, DateTimeOffset FirstSeen)> Sightings(IEnumerable<LinkSighting> sightings) =>
        [.. sightings.Select(s => (s.Uid, s.TargetKey, s.FirstSeen.ToUniversalTime())).Order()];

    // The store's own dates (since when, a cursor's last commit) compared as instants.
    private static List<string> Quarantine(IEnumerable<QuarantinedRecord> records) =>
        [.. records.Select(q => Serialized(q with { Since = q.Since?.ToUniversalTime() })).Order(StringComparer.Ordinal)];

    private static List<string> Replaced(IEnumerable<ReplacedTextItem> items) =>
        [.. items.Select(r => Serialized(r with { Since = r.Since.ToUniversalTime() })).Order(StringComparer.Ordinal)];

    private static string Serialized<T>(T value) => JsonSerializer.Serialize(value);
}
