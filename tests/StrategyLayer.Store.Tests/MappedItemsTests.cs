using StrategyLayer.Domain.Items;
using StrategyLayer.Domain.Mapping;
using StrategyLayer.Store.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.Tests;

public sealed class MappedItemsTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LiteStrategyStore _store;

    public MappedItemsTests() => _store = LiteStrategyStore.Open(_temp.File("data/store.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Every_item_comes_once_in_uid_order_with_its_own_mapping_across_chunk_boundaries()
    {
        // 1,201 items over three chunks of 500 and two sources; every tenth item is not mapped yet,
        // one is removed, and one mapping belongs to no stored item.
        _store.CommitPage("jira", "", Enumerable.Range(0, 1200).Select(i => Items.Record(Items.Jira(i.ToString("D5"), "PAY-" + i))).ToList(), [], null);
        _store.CommitPage("sn", "incident", [Items.Record(Items.Jira("abc", "INC0000001") with { Source = "sn", Kind = WorkItemKind.Incident })], [], null);
        _store.MarkRemoved([("jira/00499", new Removal(RemovalReason.Deleted, Items.T0))]);
        var mappings = _store.Items()
            .Where((_, n) => n % 10 != 7)
            .Select(i => new ItemMapping(i.Uid, "M-" + i.Key, new Decision(DecisionKind.Rule, "r-" + i.Key), true))
            .Append(new ItemMapping("jira/99999", "M-ORPHAN", Decision.None, true))
            .ToList();
        _store.SaveMappings(mappings, []);
        var expected = _store.LoadMappings();

        var streamed = _store.MappedItems().ToList();

        Assert.Equal(_store.Items().Select(i => i.Uid), streamed.Select(m => m.Item.Uid));
        Assert.Equal(1201, streamed.Count);
        Assert.Contains(streamed, m => m.Item.Uid == "jira/00499" && m.Item.Removed is not null);
        Assert.Equal(1081, streamed.Count(m => m.Mapping is not null));
        foreach (var (item, mapping) in streamed)
        {
            Assert.Equal(expected.GetValueOrDefault(item.Uid), mapping);
            if (mapping is not null)
            {
                Assert.Equal("M-" + item.Key, mapping.MeasureId);
            }
        }

        // Chunk ends (the 500th and 1000th uid) are where a range read would lose or repeat a mapping.
        Assert.NotNull(streamed[499].Mapping);
        Assert.NotNull(streamed[500].Mapping);
        Assert.NotNull(streamed[999].Mapping);
        Assert.NotNull(streamed[1000].Mapping);
    }

    [Fact]
    public void Every_field_of_an_item_reads_back_as_FindItem_reads_it()
    {
        var item = Items.Jira("77", "PAY-77") with
        {
            Description = "multi\nline ünïcode",
            Resolution = "Done",
            Type = "Story",
            Priority = "High",
            PriorityRank = 2,
            Project = "PAY",
            Assignee = "Ana",
            Reporter = "Bruno",
            Labels = ["pci", "sox"],
            Components = ["gateway"],
            FixVersions = ["2026.4"],
            Parent = "PAY-1",
            Epic = "PAY-2",
            Links = [new ItemLink(LinkTypes.IsBlockedBy, "OPS-4", "Scheduled", StatusCategory.ToDo, "OPS"), new ItemLink(LinkTypes.RelatesTo, "PAY-3")],
            Resolved = Items.T0.AddHours(5),
            Due = Items.T0.AddDays(7),
            Estimate = 3.5,
            BrowseUrl = "https://example.atlassian.net/browse/PAY-77",
            Fields = new Dictionary<string, string?> { ["customfield_1"] = "x", ["impact"] = null },
        };
        _store.CommitPage("jira", "", [Items.Record(item)], [], null);
        _store.MarkRemoved([(item.Uid, new Removal(RemovalReason.OutOfScope, Items.T0))]);

        var streamed = Assert.Single(_store.MappedItems()).Item;
        var found = _store.FindItem("jira:PAY-77")!;

        Assert.Equal(Json(found), Json(streamed));
        Assert.Equal(found.Updated.Offset, streamed.Updated.Offset);
        Assert.Equal(RemovalReason.OutOfScope, streamed.Removed?.Reason);
        Assert.Equal("multi\nline ünïcode", streamed.Description);
    }

    [Fact]
    public void An_empty_store_streams_nothing()
    {
        Assert.Empty(_store.MappedItems());
    }

    [Fact]
    public void A_caller_that_stops_early_can_write_and_close_the_store_at_once()
    {
        _store.CommitPage("jira", "", Enumerable.Range(0, 1100).Select(i => Items.Record(Items.Jira(i.ToString("D5"), "PAY-" + i))).ToList(), [], null);

        var first = _store.MappedItems().First();
        _store.SaveMappings([new ItemMapping(first.Item.Uid, "M-1", Decision.None, true)], []);
        var path = _store.Path;
        _store.Dispose();
        using var reopened = LiteStrategyStore.Open(path);

        Assert.Null(first.Mapping);
        Assert.Equal("M-1", reopened.MappedItems().First().Mapping?.MeasureId);
        Assert.Equal(1100, reopened.MappedItems().Count());
    }

    private static string Json(WorkItem item) => System.Text.Json.JsonSerializer.Serialize(item);
}
