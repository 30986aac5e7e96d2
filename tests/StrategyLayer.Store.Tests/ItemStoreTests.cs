using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.Tests;

public sealed class ItemStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly LiteStrategyStore _store;

    public ItemStoreTests() => _store = LiteStrategyStore.Open(_temp.File("data/store.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Every_field_of_an_item_survives_a_round_trip_through_the_file()
    {
        var item = new WorkItem
        {
            Source = "servicenow",
            SourceId = "9d385017c611228701d22104cc95c371",
            Key = "INC0010001",
            Kind = WorkItemKind.Incident,
            Table = "incident",
            Title = "Card payments fail <script>alert(1)</script>",
            Description = "multi\nline ünïcode",
            Status = "In Progress",
            StatusCode = "2",
            Category = StatusCategory.InProgress,
            Resolution = "none yet",
            Type = "incident",
            Priority = "1 - Critical",
            PriorityRank = 1,
            Project = "incident",
            Team = "Service Desk",
            Assignee = "beth.anglin",
            Reporter = "abel.tuter",
            Labels = ["pci", "sox"],
            Components = ["gateway"],
            FixVersions = ["2026.4"],
            Parent = "INC0009999",
            Epic = "PAY-1",
            Links = [new ItemLink(LinkTypes.IsBlockedBy, "CHG0030001", "Scheduled", StatusCategory.ToDo, "Change Board"), new ItemLink(LinkTypes.RelatesTo, "PRB0040001")],
            Created = Items.T0.AddDays(-3),
            Updated = Items.T0,
            Resolved = Items.T0.AddHours(5),
            Due = Items.T0.AddDays(7),
            Estimate = 3.5,
            BrowseUrl = "https://example.service-now.com/incident.do?sys_id=9d38",
            Fields = new Dictionary<string, string?> { ["cmdb_ci"] = "PaymentGateway", ["impact"] = null },
        };
        const string raw = "{\"sys_id\":\"9d385017c611228701d22104cc95c371\",\"number\":\"INC0010001\",\"short_description\":\"Card payments fail\"}";

        var commit = _store.CommitPage("servicenow", "incident", [new SourceRecord(item, raw)], [], "c1");
        var path = _store.Path;
        _store.Dispose();
        using var reopened = LiteStrategyStore.Open(path);
        var back = reopened.FindItem("servicenow:INC0010001");

        Assert.Equal(new PageCommit(1, 0, 0, 0), commit);
        Assert.NotNull(back);
        Assert.Equal(item.Title, back.Title);
        Assert.Equal(item.Updated, back.Updated);
        Assert.Equal(item.Updated.Offset, back.Updated.Offset);
        Assert.Equal(item.Links, back.Links);
        Assert.Equal(item.Labels, back.Labels);
        Assert.Equal(item.Components, back.Components);
        Assert.Equal(item.FixVersions, back.FixVersions);
        Assert.Equal(item.Fields.OrderBy(f => f.Key), back.Fields.OrderBy(f => f.Key));
        Assert.Equal(Json(item), Json(back));
        Assert.Equal(raw, reopened.GetRaw(item.Uid));
    }

    [Fact]
    public void Enums_are_stored_as_the_lower_case_words_of_the_cli()
    {
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1"))], [], null);
        _store.Dispose();

        using var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = _store.Path, Connection = LiteDB.ConnectionType.Direct });
        var json = System.Text.Encoding.UTF8.GetString(db.GetCollection("items").FindById("jira/1")["j"].AsBinary);

        Assert.Contains("\"category\":\"inprogress\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"issue\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"uid\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_item_costs_no_write_and_a_changed_one_does()
    {
        var states = new Dictionary<string, ItemState>();
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1")), Items.Record(Items.Jira("2", "PAY-2"))], [], "a", states);
        var writes = _store.Writes;

        var again = _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1")), Items.Record(Items.Jira("2", "PAY-2", Items.T0.AddMinutes(5), "Renamed"))], [], "b", states);

        Assert.Equal(new PageCommit(1, 1, 0, 0), again);
        Assert.Equal(writes + 2, _store.Writes); // the changed item and its raw record
        Assert.Equal("Renamed", _store.FindItem("jira:PAY-2")!.Title);
    }

    [Fact]
    public void Item_states_loaded_from_the_store_make_a_resync_write_nothing()
    {
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1")), Items.Record(Items.Jira("2", "PAY-2"))], [], "a");
        var states = new Dictionary<string, ItemState>(_store.LoadItemStates("jira"));
        var writes = _store.Writes;

        var resync = _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1")), Items.Record(Items.Jira("2", "PAY-2"))], [], "b", states);
        var withoutStates = _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1"))], [], "c");

        Assert.Equal(2, states.Count);
        Assert.Equal(new PageCommit(0, 2, 0, 0), resync);
        Assert.Equal(new PageCommit(0, 1, 0, 0), withoutStates);
        Assert.Equal(writes, _store.Writes);
    }

    [Fact]
    public void A_copy_older_than_the_stored_one_is_counted_stale_and_not_applied()
    {
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1", Items.T0, "Newer"))], [], null);

        var commit = _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1", Items.T0.AddHours(-1), "Older"))], [], null);

        Assert.Equal(new PageCommit(0, 0, 1, 0), commit);
        Assert.Equal("Newer", _store.FindItem("PAY-1")!.Title);
    }

    [Fact]
    public void A_moved_issue_keeps_its_item_and_its_old_key_still_finds_it()
    {
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("10001", "PAY-7"))], [], null);

        _store.CommitPage("jira", "", [Items.Record(Items.Jira("10001", "WEB-3", Items.T0.AddHours(1)))], [], null);

        var byOld = _store.FindItem("jira:PAY-7");
        var byNew = _store.FindItem("WEB-3");
        Assert.NotNull(byOld);
        Assert.Equal("WEB-3", byOld.Key);
        Assert.Equal(["PAY-7"], byOld.PreviousKeys);
        Assert.NotNull(byNew);
        Assert.Equal(Json(byOld), Json(byNew));
        Assert.Equal(1, _store.CountItems("jira"));
        Assert.Equal("jira/10001", _store.FindItem("pay-7")!.Uid);
    }

    [Fact]
    public void A_bare_key_in_two_sources_is_refused_naming_both()
    {
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "OPS-4"))], [], null);
        _store.CommitPage("jira2", "", [Items.Record(Items.Jira("1", "OPS-4") with { Source = "jira2" })], [], null);

        var error = Assert.Throws<StrategyLayerException>(() => _store.FindItem("OPS-4"));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("jira:OPS-4", error.Message, StringComparison.Ordinal);
        Assert.Contains("jira2:OPS-4", error.Message, StringComparison.Ordinal);
        Assert.Equal("jira2/1", _store.FindItem("jira2:OPS-4")!.Uid);
        Assert.Equal("jira/1", _store.FindItem("jira/1")!.Uid);
        Assert.Null(_store.FindItem("jira:NOPE-1"));
        Assert.Null(_store.FindItem("servicenow:OPS-4"));
    }

    [Fact]
    public void Items_stream_in_uid_order_filtered_by_source_team_and_removal()
    {
        var jira = Enumerable.Range(0, 1200).Select(i => Items.Record(Items.Jira(i.ToString("D5"), "PAY-" + i, team: i % 3 == 0 ? "Pay" : "Web"))).ToList();
        _store.CommitPage("jira", "", jira, [], null);
        _store.CommitPage("sn", "incident", [Items.Record(Items.Jira("a", "INC1", team: "Service Desk") with { Source = "sn" })], [], null);
        _store.MarkRemoved([("jira/00003", new Removal(RemovalReason.Deleted, Items.T0))]);

        var all = _store.Items().Select(i => i.Uid).ToList();
        var jiraLive = _store.Items(new ItemQuery { Source = "jira", IncludeRemoved = false }).ToList();
        var payTeam = _store.Items(new ItemQuery { Team = "PAY" }).Select(i => i.Uid).ToList();

        Assert.Equal(1201, all.Count);
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
        Assert.Equal(1199, jiraLive.Count);
        Assert.DoesNotContain(jiraLive, i => i.Uid == "jira/00003");
        Assert.Equal(400, payTeam.Count);
        Assert.Equal(payTeam.Order(StringComparer.Ordinal), payTeam);
        Assert.Equal(1200, _store.CountItems("jira", includeRemoved: true));
        Assert.Equal(1199, _store.CountItems("jira"));
        Assert.Equal(1200, _store.CountItems());
        Assert.Equal(1199, _store.ItemKeys("jira").Count);
        Assert.Single(_store.ItemKeys("sn", "incident"));
        Assert.Empty(_store.ItemKeys("sn", "problem"));
    }

    [Fact]
    public void Writing_while_streaming_items_does_not_fail()
    {
        _store.CommitPage("jira", "", Enumerable.Range(0, 1100).Select(i => Items.Record(Items.Jira(i.ToString("D5"), "PAY-" + i))).ToList(), [], null);

        var seen = 0;
        foreach (var item in _store.Items())
        {
            _store.SaveMappings([new Domain.Mapping.ItemMapping(item.Uid, "M-1", new Domain.Mapping.Decision(Domain.Mapping.DecisionKind.Rule, "r1"), true)], []);
            seen++;
        }

        Assert.Equal(1100, seen);
        Assert.Equal(1100, _store.LoadMappings().Count);
    }

    [Fact]
    public void A_removed_item_is_kept_flagged_and_comes_back_when_seen_again()
    {
        var states = new Dictionary<string, ItemState>();
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1"))], [], null, states);

        var changed = _store.MarkRemoved([("jira/1", new Removal(RemovalReason.OutOfScope, Items.T0)), ("jira/404", new Removal(RemovalReason.Deleted, Items.T0))]);
        var removed = _store.FindItem("PAY-1");
        var (live, all) = (_store.CountItems("jira"), _store.CountItems("jira", includeRemoved: true));
        var again = _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1"))], [], null, new Dictionary<string, ItemState>(_store.LoadItemStates("jira")));

        Assert.Equal(1, changed);
        Assert.Equal(new Removal(RemovalReason.OutOfScope, Items.T0), removed!.Removed);
        Assert.Equal((0, 1), (live, all));
        Assert.Equal(1, again.Upserted);
        Assert.Null(_store.FindItem("PAY-1")!.Removed);
        Assert.Equal(1, _store.CountItems("jira"));
        Assert.Equal(new Dictionary<string, int> { ["jira"] = 1 }, _store.CountItemsBySource());
    }

    [Fact]
    public void Quarantined_records_are_kept_once_with_their_reason_and_raw_json()
    {
        var bad = new QuarantinedRecord("jira", "", "PAY-9", "10009", "fields.updated is not a date at $.fields.updated", "{\"id\":\"10009\"}");

        var first = _store.CommitPage("jira", "", [], [bad], "c1");
        _store.CommitPage("jira", "", [], [bad], "c2");

        Assert.Equal(1, first.Quarantined);
        var kept = Assert.Single(_store.Quarantined("jira"));
        Assert.Equal(bad, kept with { Since = null });
        Assert.NotNull(kept.Since);
        Assert.Empty(_store.Quarantined("servicenow"));
        Assert.Equal("c2", _store.GetCursor("jira", ""));
    }

    [Fact]
    public void A_failed_page_rolls_back_everything_including_the_callers_states()
    {
        var states = new Dictionary<string, ItemState>();
        _store.CommitPage("jira", "", [Items.Record(Items.Jira("1", "PAY-1"))], [], "c1", states);
        var before = states["jira/1"];

        Assert.Throws<StrategyLayerException>(() => _store.CommitPage(
            "jira",
            "",
            [Items.Record(Items.Jira("1", "PAY-1", Items.T0.AddHours(1), "changed")), Items.Record(Items.Jira("2", "PAY-2") with { Source = "other" })],
            [],
            "c2",
            states));

        Assert.Equal(before, states["jira/1"]);
        Assert.Single(states);
        Assert.Equal("Tokenize card data", _store.FindItem("PAY-1")!.Title);
        Assert.Equal("c1", _store.GetCursor("jira", ""));
    }

    // Records compare their lists by reference: compare items by their whole JSON instead.
    private static string Json(WorkItem item) => System.Text.Json.JsonSerializer.Serialize(item);
}
