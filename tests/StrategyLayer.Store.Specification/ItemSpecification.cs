using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Specification.Support;

namespace StrategyLayer.Store.Specification;

/// <summary>The role "items and sync state" (<see cref="IItemReader"/>, <see cref="IItemSync"/>): what a commit keeps and how items read back.</summary>
public abstract partial class ItemSpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task Every_field_of_an_item_and_its_raw_record_survive_a_reopen()
    {
        var item = SpecItems.Full();
        const string raw = "{\"sys_id\":\"9d385017c611228701d22104cc95c371\",\"number\":\"INC0010001\",\"short_description\":\"Card payments fail ü\"}";
        var store = await NewStoreAsync();

        var commit = await CommitAsync(store, "servicenow", "incident", [new SourceRecord(item, raw)], cursor: "c1");
        var reopened = await ReopenAsync(store);
        var back = await reopened.FindItemAsync("servicenow:INC0010001", None);

        Assert.Equal(new PageCommit(1, 0, 0, 0), commit);
        Assert.NotNull(back);
        Assert.Equal(Json(item), Json(back));
        Assert.Equal(item.Updated.Offset, back.Updated.Offset);
        Assert.Equal(item.Fields.OrderBy(f => f.Key), back.Fields.OrderBy(f => f.Key));
        Assert.Equal(raw, await reopened.GetRawAsync(item.Uid, None));
        Assert.Null(await reopened.GetRawAsync("servicenow/nope", None));
    }

    [Fact]
    public async Task An_item_with_empty_collections_reads_back_with_empty_collections_never_null()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("1", "PAY-1"))]);

        var found = await store.FindItemAsync("PAY-1", None);
        var streamed = Assert.Single(await ListAsync(store.ItemsAsync(null, None)));
        var mapped = Assert.Single(await ListAsync(store.MappedItemsAsync(None))).Item;

        foreach (var item in new[] { found!, streamed, mapped })
        {
            Assert.NotNull(item.PreviousKeys);
            Assert.NotNull(item.Labels);
            Assert.NotNull(item.Components);
            Assert.NotNull(item.FixVersions);
            Assert.NotNull(item.Links);
            Assert.NotNull(item.Fields);
            Assert.Empty(item.Labels);
        }
    }

    [Fact]
    public async Task A_moved_issue_keeps_its_item_and_its_old_key_still_finds_it()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("10001", "PAY-7"))]);

        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("10001", "WEB-3", SpecItems.T0.AddHours(1)))]);

        var byOld = await store.FindItemAsync("jira:PAY-7", None);
        var byNew = await store.FindItemAsync("WEB-3", None);
        Assert.NotNull(byOld);
        Assert.Equal("WEB-3", byOld.Key);
        Assert.Equal(["PAY-7"], byOld.PreviousKeys);
        Assert.NotNull(byNew);
        Assert.Equal(Json(byOld), Json(byNew));
        Assert.Equal(1, await store.CountItemsAsync("jira", false, None));
        Assert.Equal("jira/10001", (await store.FindItemAsync("pay-7", None))!.Uid);
    }

    [Fact]
    public async Task A_key_that_comes_back_is_current_again_and_no_longer_an_old_key()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("10001", "PAY-7"))]);
        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("10001", "WEB-3", SpecItems.T0.AddHours(1)))]);

        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("10001", "PAY-7", SpecItems.T0.AddHours(2)))]);

        var back = await store.FindItemAsync("PAY-7", None);
        Assert.Equal("PAY-7", back!.Key);
        Assert.Equal(["WEB-3"], back.PreviousKeys);
        Assert.Equal("jira/10001", (await store.FindItemAsync("jira:WEB-3", None))!.Uid);
    }

    [Fact]
    public async Task A_bare_key_in_two_sources_is_refused_naming_both()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [SpecItems.Record(SpecItems.Jira("1", "OPS-4"))]);
        await CommitAsync(store, "jira2", "", [SpecItems.Record(SpecItems.Jira("1", "OPS-4", source: "jira2"))]);

        var error = await Assert.ThrowsAsync<StrategyLayerException>(() => store.FindItemAsync("OPS-4", None));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("jira:OPS-4", error.Message, StringComparison.Ordinal);
        Assert.Contains("jira2:OPS-4", error.Message, StringComparison.Ordinal);
        Assert.Equal("jira2/1", (await store.FindItemAsync("jira2:OPS-4", None))!.Uid);
        Assert.Equal("jira/1", (await store.FindItemAsync("jira/1", None))!.Uid);
        Assert.Null(await store.FindItemAsync("jira:NOPE-1", None));
        Assert.Null(await store.FindItemAsync("servicenow:OPS-4", None));
        Assert.Null(await store.FindItemAsync("  ", None));
    }

    [Fact]
    public async Task Items_stream_ordered_by_uid_and_filtered_by_source_team_and_removal()
    {
        var store = await NewStoreAsync();

        // Uids in an order neither insertion nor key order gives: the stream must sort them ordinally.
        var jira = Enumerable.Range(0, 1200).Reverse().Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D5"), "PAY-" + i, team: i % 3 == 0 ? "Pay" : "Web"))).ToList();
        await CommitAsync(store, "jira", "", jira);
        await CommitAsync(store, "sn", "incident", [SpecItems.Record(SpecItems.Jira("a", "INC1", team: "Service Desk", source: "sn"))]);
        await CommitAsync(store, "Jira", "", [SpecItems.Record(SpecItems.Jira("b", "UP-1", team: null, source: "Jira"))]);
        await MarkRemovedAsync(store, "jira", new ItemRemoval("00003", new Removal(RemovalReason.Deleted, SpecItems.T0)));

        var all = (await ListAsync(store.ItemsAsync(null, None))).Select(i => i.Uid).ToList();
        var jiraLive = await ListAsync(store.ItemsAsync(new ItemQuery { Source = "jira", IncludeRemoved = false }, None));
        var payTeam = (await ListAsync(store.ItemsAsync(new ItemQuery { Team = "PAY" }, None))).Select(i => i.Uid).ToList();

        Assert.Equal(1202, all.Count);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(1199, jiraLive.Count);
        Assert.All(jiraLive, i => Assert.Equal("jira", i.Source));
        Assert.DoesNotContain(jiraLive, i => i.Uid == "jira/00003");
        Assert.Equal(400, payTeam.Count);
        Assert.Equal(payTeam.Order(StringComparer.Ordinal), payTeam);
        Assert.Equal(1200, await store.CountItemsAsync("jira", true, None));
        Assert.Equal(1199, await store.CountItemsAsync("jira", false, None));
        Assert.Equal(1201, await store.CountItemsAsync(null, false, None));
        Assert.Equal(0, await store.CountItemsAsync("nope", false, None));
    }

    [Fact]
    public async Task Items_named_by_uid_come_in_one_read_ordered_by_uid_with_the_other_filters_applied()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", Enumerable.Range(0, 1200).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D5"), "PAY-" + i, team: i % 3 == 0 ? "PAY" : "WEB"))).ToList());
        await MarkRemovedAsync(store, "jira", new ItemRemoval("00006", new Removal(RemovalReason.Deleted, SpecItems.T0)));
        string[] asked = ["jira/01101", "jira/00003", "jira/00006", "jira/00004", "jira/99999", "jira/00003"];

        var named = (await ListAsync(store.ItemsAsync(new ItemQuery { Uids = asked }, None))).Select(i => i.Uid).ToList();
        var live = (await ListAsync(store.ItemsAsync(new ItemQuery { Uids = asked, IncludeRemoved = false }, None))).Select(i => i.Uid).ToList();
        var payOnly = (await ListAsync(store.ItemsAsync(new ItemQuery { Uids = asked, Team = "pay" }, None))).Select(i => i.Uid).ToList();
        var none = await ListAsync(store.ItemsAsync(new ItemQuery { Uids = [] }, None));

        Assert.Equal(["jira/00003", "jira/00004", "jira/00006", "jira/01101"], named);
        Assert.Equal(["jira/00003", "jira/00004", "jira/01101"], live);
        Assert.Equal(["jira/00003", "jira/00006", "jira/01101"], payOnly);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Writing_while_streaming_items_does_not_fail()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", Enumerable.Range(0, 1100).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D5"), "PAY-" + i))).ToList());

        var seen = 0;
        await foreach (var item in store.ItemsAsync(null, None))
        {
            await store.SaveMappingsAsync([new Domain.Mapping.ItemMapping(item.Uid, "M-1", new Domain.Mapping.Decision(Domain.Mapping.DecisionKind.Rule, "r1"), true)], [], None);
            seen++;
        }

        Assert.Equal(1100, seen);
        Assert.Equal(1100, (await store.LoadMappingsAsync(None)).Count);
    }

    [Fact]
    public async Task A_cancelled_stream_stops()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", Enumerable.Range(0, 10).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D5"), "PAY-" + i))).ToList());
        using var cancel = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in store.ItemsAsync(null, cancel.Token))
            {
                seen++;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
    }
}
