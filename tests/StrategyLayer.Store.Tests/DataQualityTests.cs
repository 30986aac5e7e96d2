using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.Tests;

/// <summary>Quarantined records and items stored with replaced text: kept, read back with page and age, cleared when they read cleanly.</summary>
public sealed class DataQualityTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly string _path;

    public DataQualityTests() => _path = _temp.File("quality.db");

    public void Dispose() => _temp.Dispose();

    private LiteStrategyStore Open() => LiteStrategyStore.Open(_path, StoreOpenOptions.Default with { TimeProvider = _time });

    private static SourceRecord Replaced(WorkItem item, int? page, params string[] fields) =>
        Items.Record(item) with { Replaced = [.. fields.Select(f => new ReplacedText(f, "bytes that are not UTF-8", page))] };

    private static QuarantinedRecord Bad(string sourceId, string key, int? page) =>
        new("jira", "", key, sourceId, $"search page {page}: {key}: fields.updated is not a date", "{\"id\":\"" + sourceId + "\"}") { Page = page };

    [Fact]
    public void An_item_stored_with_replaced_text_is_kept_with_its_fields_and_page_and_keeps_its_first_time()
    {
        using (var store = Open())
        {
            store.CommitPage("jira", "", [Replaced(Items.Jira("1", "PAY-1", title: "Card \uFFFD vault"), 3, "summary"), Items.Record(Items.Jira("2", "PAY-2"))], [], null);
            _time.Advance(TimeSpan.FromHours(2));

            // Read again by id (no page): the same item, the same damage; the page it first came on stays.
            store.CommitPage("jira", "", [Replaced(Items.Jira("1", "PAY-1", title: "Card \uFFFD vault"), null, "summary")], [], null);
        }

        using var reopened = Open();
        var replaced = Assert.Single(reopened.ReplacedText("jira"));
        Assert.Equal("jira:PAY-1", replaced.Id);
        Assert.Equal("1", replaced.SourceId);
        Assert.Equal(new ReplacedText("summary", "bytes that are not UTF-8", 3), Assert.Single(replaced.Fields));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), replaced.Since);
        Assert.Equal("Card \uFFFD vault", reopened.FindItem("jira:PAY-1")!.Title);
        Assert.Empty(reopened.ReplacedText("servicenow"));
    }

    [Fact]
    public void A_quarantined_record_keeps_its_page_and_first_time_when_quarantined_again_by_id()
    {
        using (var store = Open())
        {
            store.CommitPage("jira", "", [], [Bad("7", "PAY-7", 2)], null);
            _time.Advance(TimeSpan.FromMinutes(30));
            store.CommitPage("jira", "", [], [Bad("7", "PAY-7", null)], null);
        }

        using var reopened = Open();
        var q = Assert.Single(reopened.Quarantined("jira"));
        Assert.Equal(("PAY-7", "7", 2), (q.Key, q.SourceId, q.Page));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), q.Since);
    }

    [Fact]
    public void Flagged_ids_are_the_quarantined_and_replaced_records_of_one_partition_and_clearing_forgets_them()
    {
        using var store = Open();
        store.CommitPage("jira", "", [Replaced(Items.Jira("1", "PAY-1"), 1, "summary")], [Bad("7", "PAY-7", 2), Bad("8", "PAY-8", 2) with { SourceId = null }], null);
        store.CommitPage("servicenow", "incident", [], [new QuarantinedRecord("servicenow", "incident", "INC1", "abc", "bad", "{}") { Page = 1 }], null);

        Assert.Equal(["1", "7", "PAY-8"], store.FlaggedIds("jira", "").Order(StringComparer.Ordinal));
        Assert.Equal(["abc"], store.FlaggedIds("servicenow", "incident"));
        Assert.Empty(store.FlaggedIds("servicenow", "problem"));

        Assert.Equal(3, store.ClearDataQuality("jira", "", ["1", "7", "PAY-8", "404"]));

        Assert.Empty(store.FlaggedIds("jira", ""));
        Assert.Empty(store.ReplacedText());
        Assert.Equal("abc", Assert.Single(store.Quarantined()).SourceId);
        Assert.NotNull(store.FindItem("jira:PAY-1"));
    }

    [Fact]
    public void Status_lists_each_problem_with_its_page_and_age_oldest_first()
    {
        using var store = Open();
        store.CommitPage("jira", "", [], [Bad("7", "PAY-7", 2)], null);
        _time.Advance(TimeSpan.FromMinutes(10));
        store.CommitPage("servicenow", "incident", [Replaced(Items.Jira("9", "INC9") with { Source = "servicenow" }, 4, "short_description")], [], null);

        var status = StatusView.Describe(store, ["jira", "servicenow"], _time.GetUtcNow().AddMinutes(5), 0);

        Assert.Collection(
            status.DataQuality,
            e => Assert.Equal(("quarantined", "jira:PAY-7", (int?)2, (string?)null, (string?)null, (long?)900), (e.Kind, e.Item, e.Page, e.Field, e.Table, e.AgeSeconds)),
            e => Assert.Equal(("replacedText", "servicenow:INC9", (int?)4, (string?)"short_description", (string?)"incident", (long?)300), (e.Kind, e.Item, e.Page, e.Field, e.Table, e.AgeSeconds)));
        Assert.Equal(1, status.Sources.Single(s => s.Source == "jira").Quarantined);
        Assert.Equal(1, status.Sources.Single(s => s.Source == "servicenow").ReplacedText);
    }
}
