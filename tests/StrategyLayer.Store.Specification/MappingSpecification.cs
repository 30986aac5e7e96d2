using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store.Specification.Support;

namespace StrategyLayer.Store.Specification;

/// <summary>The role "mappings" (<see cref="IMappingReader"/>, <see cref="IMappingStore"/>).</summary>
public abstract class MappingSpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task Mappings_are_saved_loaded_and_dropped_with_their_provenance()
    {
        var pinned = new ItemMapping("jira/1", "M-RUN-COST", new Decision(DecisionKind.Pin), true);
        var inherited = new ItemMapping("jira/2", "M-PCI", new Decision(DecisionKind.Inherited, "pci-work", ["jira:PAY-1", "jira:PAY-0"]), true);
        var untracked = new ItemMapping("jira/3", null, Decision.None, true);
        var store = await NewStoreAsync();

        Assert.Equal(3, await store.SaveMappingsAsync([pinned, inherited, untracked], [], None));
        Assert.Equal(1, await store.SaveMappingsAsync([], ["jira/1", "jira/404"], None));
        var reopened = await ReopenAsync(store);

        var mappings = await reopened.LoadMappingsAsync(None);
        Assert.Equal(["jira/2", "jira/3"], mappings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(inherited.DecidedBy.Via, mappings["jira/2"].DecidedBy.Via);
        Assert.Equal(inherited with { DecidedBy = Decision.None }, mappings["jira/2"] with { DecidedBy = Decision.None });
        Assert.Equal("pci-work", mappings["jira/2"].DecidedBy.Rule);
        Assert.Equal(untracked, mappings["jira/3"]);
        Assert.True(mappings["jira/3"].Untracked);
    }

    [Fact]
    public async Task A_saved_mapping_replaces_the_one_before()
    {
        var store = await NewStoreAsync();
        await store.SaveMappingsAsync([new ItemMapping("jira/1", "M-1", new Decision(DecisionKind.Rule, "r1"), true)], [], None);

        await store.SaveMappingsAsync([new ItemMapping("jira/1", null, Decision.None, false)], [], None);

        var mapping = Assert.Single(await store.LoadMappingsAsync(None)).Value;
        Assert.Null(mapping.MeasureId);
        Assert.False(mapping.InScope);
    }

    [Fact]
    public async Task Every_item_comes_once_in_uid_order_with_its_own_mapping_across_many_items()
    {
        // 1,201 items over two sources; every tenth item is not mapped yet, one is removed, and one
        // mapping belongs to no stored item. An engine that reads in chunks must lose or repeat nothing.
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", Enumerable.Range(0, 1200).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D5"), "PAY-" + i))).ToList());
        await CommitAsync(store, "sn", "incident", [SpecItems.Record(SpecItems.Jira("abc", "INC0000001", source: "sn") with { Kind = WorkItemKind.Incident })]);
        await MarkRemovedAsync(store, "jira", new ItemRemoval("00499", new Removal(RemovalReason.Deleted, SpecItems.T0)));
        var mappings = (await ListAsync(store.ItemsAsync(null, None)))
            .Where((_, n) => n % 10 != 7)
            .Select(i => new ItemMapping(i.Uid, "M-" + i.Key, new Decision(DecisionKind.Rule, "r-" + i.Key), true))
            .Append(new ItemMapping("jira/99999", "M-ORPHAN", Decision.None, true))
            .ToList();
        await store.SaveMappingsAsync(mappings, [], None);
        var expected = await store.LoadMappingsAsync(None);

        var streamed = await ListAsync(store.MappedItemsAsync(None));

        Assert.Equal((await ListAsync(store.ItemsAsync(null, None))).Select(i => i.Uid), streamed.Select(m => m.Item.Uid));
        Assert.Equal(1201, streamed.Count);
        Assert.Equal(streamed.Select(m => m.Item.Uid).Order(StringComparer.Ordinal), streamed.Select(m => m.Item.Uid));
        Assert.Contains(streamed, m => m.Item.Uid == "jira/00499" && m.Item.Removed is not null);
        Assert.Equal(1081, streamed.Count(m => m.Mapping is not null));
        Assert.DoesNotContain(streamed, m => m.Mapping?.MeasureId == "M-ORPHAN");
        foreach (var (item, mapping) in streamed)
        {
            Assert.Equal(expected.GetValueOrDefault(item.Uid), mapping);
            if (mapping is not null)
            {
                Assert.Equal("M-" + item.Key, mapping.MeasureId);
            }
        }
    }

    [Fact]
    public async Task Every_field_of_an_item_reads_back_beside_its_mapping_as_FindItem_reads_it()
    {
        var store = await NewStoreAsync();
        var item = SpecItems.Full();
        await CommitAsync(store, item.Source, "incident", [SpecItems.Record(item)]);
        await MarkRemovedAsync(store, item.Source, new ItemRemoval(item.SourceId, new Removal(RemovalReason.OutOfScope, SpecItems.T0)));

        var streamed = Assert.Single(await ListAsync(store.MappedItemsAsync(None))).Item;
        var found = (await store.FindItemAsync(item.Id, None))!;

        Assert.Equal(Json(found), Json(streamed));
        Assert.Equal(found.Updated.Offset, streamed.Updated.Offset);
        Assert.Equal(RemovalReason.OutOfScope, streamed.Removed?.Reason);
    }

    [Fact]
    public async Task An_empty_store_streams_nothing()
    {
        var store = await NewStoreAsync();

        Assert.Empty(await ListAsync(store.MappedItemsAsync(None)));
        Assert.Empty(await store.LoadMappingsAsync(None));
    }

    [Fact]
    public async Task A_caller_that_stops_early_can_write_and_close_the_store_at_once()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", Enumerable.Range(0, 1100).Select(i => SpecItems.Record(SpecItems.Jira(i.ToString("D5"), "PAY-" + i))).ToList());

        MappedItem? first = null;
        await foreach (var mapped in store.MappedItemsAsync(None))
        {
            first = mapped;
            break;
        }

        await store.SaveMappingsAsync([new ItemMapping(first!.Item.Uid, "M-1", Decision.None, true)], [], None);
        var reopened = await ReopenAsync(store);

        Assert.Null(first.Mapping);
        var again = await ListAsync(reopened.MappedItemsAsync(None));
        Assert.Equal("M-1", again[0].Mapping?.MeasureId);
        Assert.Equal(1100, again.Count);
    }
}
