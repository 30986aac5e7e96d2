using Microsoft.Extensions.Time.Testing;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Specification.Support;

namespace StrategyLayer.Store.Specification;

// Quarantined records and items stored with replaced text: kept, read back with page and age, read
// again by id (flagged ids), cleared when they read cleanly.
public abstract partial class ItemSpecification<TFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_item_stored_with_replaced_text_is_kept_with_its_fields_and_page_and_keeps_its_first_time()
    {
        var time = new FakeTimeProvider(Noon);
        var store = await NewStoreAsync(time);
        await CommitAsync(store, "jira", "", [Replaced(SpecItems.Jira("1", "PAY-1", title: "Card \uFFFD vault"), 3, "summary"), SpecItems.Record(SpecItems.Jira("2", "PAY-2"))]);
        time.Advance(TimeSpan.FromHours(2));

        // Read again by id (no page): the same item, the same damage; the page it first came on stays.
        await CommitAsync(store, "jira", "", [Replaced(SpecItems.Jira("1", "PAY-1", title: "Card \uFFFD vault"), null, "summary")]);
        var reopened = await ReopenAsync(store);

        var replaced = Assert.Single(await reopened.ReplacedTextAsync("jira", None));
        Assert.Equal("jira:PAY-1", replaced.Id);
        Assert.Equal("1", replaced.SourceId);
        Assert.Equal(new ReplacedText("summary", "bytes that are not UTF-8", 3), Assert.Single(replaced.Fields));
        Assert.Equal(Noon, replaced.Since);
        Assert.Equal("Card \uFFFD vault", (await reopened.FindItemAsync("jira:PAY-1", None))!.Title);
        Assert.Empty(await reopened.ReplacedTextAsync("servicenow", None));
    }

    [Fact]
    public async Task A_quarantined_record_keeps_its_page_and_first_time_when_quarantined_again_by_id()
    {
        var time = new FakeTimeProvider(Noon);
        var store = await NewStoreAsync(time);
        await CommitAsync(store, "jira", "", [], [Bad("7", "PAY-7", 2)]);
        time.Advance(TimeSpan.FromMinutes(30));
        await CommitAsync(store, "jira", "", [], [Bad("7", "PAY-7", null)]);
        var reopened = await ReopenAsync(store);

        var q = Assert.Single(await reopened.QuarantinedAsync("jira", None));
        Assert.Equal(("PAY-7", "7", 2), (q.Key, q.SourceId, q.Page));
        Assert.Equal(Noon, q.Since);
    }

    [Fact]
    public async Task A_quarantined_record_stored_later_with_replaced_text_leaves_the_quarantine()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [], [Bad("7", "PAY-7", 2)]);

        await CommitAsync(store, "jira", "", [Replaced(SpecItems.Jira("7", "PAY-7"), 2, "summary")]);

        Assert.Empty(await store.QuarantinedAsync(null, None));
        Assert.Equal("7", Assert.Single(await store.ReplacedTextAsync(null, None)).SourceId);
    }

    [Fact]
    public async Task Flagged_ids_are_the_quarantined_and_replaced_records_of_one_partition_and_clearing_forgets_them()
    {
        var store = await NewStoreAsync();
        await CommitAsync(store, "jira", "", [Replaced(SpecItems.Jira("1", "PAY-1"), 1, "summary")], [Bad("7", "PAY-7", 2), Bad("8", "PAY-8", 2) with { SourceId = null }]);
        await CommitAsync(store, "servicenow", "incident", [], [new QuarantinedRecord("servicenow", "incident", "INC1", "abc", "bad", "{}") { Page = 1 }]);

        await using (var jira = await store.BeginSyncAsync("jira", None))
        {
            Assert.Equal(["1", "7", "PAY-8"], (await jira.FlaggedIdsAsync("", None)).Order(StringComparer.Ordinal));
            Assert.Equal(3, await jira.ClearDataQualityAsync("", ["1", "7", "PAY-8", "404"], None));
            Assert.Empty(await jira.FlaggedIdsAsync("", None));
        }

        await using (var servicenow = await store.BeginSyncAsync("servicenow", None))
        {
            Assert.Equal(["abc"], await servicenow.FlaggedIdsAsync("incident", None));
            Assert.Empty(await servicenow.FlaggedIdsAsync("problem", None));
        }

        Assert.Empty(await store.ReplacedTextAsync(null, None));
        Assert.Equal("abc", Assert.Single(await store.QuarantinedAsync(null, None)).SourceId);
        Assert.NotNull(await store.FindItemAsync("jira:PAY-1", None));
    }

    [Fact]
    public async Task Status_lists_each_problem_with_its_page_and_age_oldest_first()
    {
        var time = new FakeTimeProvider(Noon);
        var store = await NewStoreAsync(time);
        await CommitAsync(store, "jira", "", [], [Bad("7", "PAY-7", 2)]);
        time.Advance(TimeSpan.FromMinutes(10));
        await CommitAsync(store, "servicenow", "incident", [Replaced(SpecItems.Jira("9", "INC9", source: "servicenow"), 4, "short_description")]);

        var status = await StatusView.DescribeAsync(store, ["jira", "servicenow"], time.GetUtcNow().AddMinutes(5), 0, None);

        Assert.Collection(
            status.DataQuality,
            e => Assert.Equal(("quarantined", "jira:PAY-7", (int?)2, (string?)null, (string?)null, (long?)900), (e.Kind, e.Item, e.Page, e.Field, e.Table, e.AgeSeconds)),
            e => Assert.Equal(("replacedText", "servicenow:INC9", (int?)4, (string?)"short_description", (string?)"incident", (long?)300), (e.Kind, e.Item, e.Page, e.Field, e.Table, e.AgeSeconds)));
        Assert.Equal(1, status.Sources.Single(s => s.Source == "jira").Quarantined);
        Assert.Equal(1, status.Sources.Single(s => s.Source == "servicenow").ReplacedText);
        Assert.Equal(1, status.Sources.Single(s => s.Source == "servicenow").Items);
    }

    private static SourceRecord Replaced(WorkItem item, int? page, params string[] fields) =>
        SpecItems.Record(item) with { Replaced = [.. fields.Select(f => new ReplacedText(f, "bytes that are not UTF-8", page))] };

    private static QuarantinedRecord Bad(string sourceId, string key, int? page) =>
        new("jira", "", key, sourceId, $"search page {page}: {key}: fields.updated is not a date", "{\"id\":\"" + sourceId + "\"}") { Page = page };
}
