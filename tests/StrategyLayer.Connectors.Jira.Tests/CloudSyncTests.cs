using System.Text.Json;
using System.Text.Json.Nodes;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Jira.Tests.Support;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Items;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

public class CloudSyncTests : IClassFixture<JiraServerFixture>
{
    private readonly JiraServerFixture _fixture;

    public CloudSyncTests(JiraServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Pages_are_followed_by_token_through_a_short_page_and_a_repeat_keeps_the_newer_copy()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC").CloudPages(
            [IssueJson.Issue("1001", "PAY-1", "2026-11-20T10:00:00.000+0000"), IssueJson.Issue("1002", "PAY-2", "2026-11-20T10:01:00.000+0000")],
            [IssueJson.Issue("1003", "PAY-3", "2026-11-20T10:02:00.000+0000")],
            [
                IssueJson.Issue("1001", "PAY-1", "2026-11-20T10:05:00.000+0000", "edited while paging"),
                IssueJson.Issue("1003", "PAY-3", "2026-11-20T10:02:00.000+0000"),
                IssueJson.Issue("1004", "PAY-4", "2026-11-20T10:03:00.000+0000"),
            ]);
        await using var source = jira.Create(jira.Settings(cloud: true));

        var pages = await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync();

        Assert.Equal(3, jira.RequestsTo("/rest/api/3/search/jql").Count);
        Assert.Equal(["PAY-1", "PAY-2", "PAY-3", "PAY-1", "PAY-4"], pages.SelectMany(p => p.Records).Select(r => r.Item.Key));
        Assert.Equal("edited while paging", pages[2].Records[0].Item.Title);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 1, 0, TimeSpan.Zero), pages[0].Cursor.Mark);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.Zero), pages[2].Cursor.Mark);
        Assert.Equal("1004", pages[2].Cursor.LastId);
        Assert.Empty(jira.RequestsTo("/rest/api/3/search"));
    }

    [Fact]
    public async Task The_next_page_is_asked_for_while_the_caller_still_holds_this_one()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC").CloudPages(
            [IssueJson.Issue("1001", "PAY-1", "2026-11-20T10:00:00.000+0000")],
            [IssueJson.Issue("1002", "PAY-2", "2026-11-20T10:01:00.000+0000")]);
        await using var source = jira.Create(jira.Settings(cloud: true));
        await using var pages = source.ReadChangesAsync("", null, CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await pages.MoveNextAsync());

        // The caller has page 1 and has not asked for more; page 2 is on its way already.
        Assert.True(SpinWait.SpinUntil(() => jira.RequestsTo("/rest/api/3/search/jql").Count >= 2, TimeSpan.FromSeconds(10)));
        Assert.True(await pages.MoveNextAsync());
        Assert.Equal("PAY-2", Assert.Single(pages.Current.Records).Item.Key);
        Assert.False(await pages.MoveNextAsync());
        Assert.Equal(2, jira.RequestsTo("/rest/api/3/search/jql").Count);
    }

    [Fact]
    public async Task An_issue_is_normalized_with_every_field_the_pack_needs()
    {
        var adf = JsonNode.Parse("""{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Tokenize the card vault."}]}]}""");
        var issue = IssueJson.Issue("10042", "PAY-42", "2026-11-20T12:34:56.000+0100", "Tokenize PANs — Zahlungsübersicht 支付 🚀", f =>
        {
            f["description"] = adf;
            f["status"] = IssueJson.Status("Done", "done");
            f["resolution"] = new JsonObject { ["name"] = "Done" };
            f["resolutiondate"] = "2026-11-20T12:30:00.000+0100";
            f["duedate"] = "2026-12-01";
            f["priority"] = new JsonObject { ["id"] = "2", ["name"] = "High" };
            f["assignee"] = new JsonObject { ["accountId"] = "acc-ana", ["displayName"] = "Ana Sousa" };
            f["reporter"] = new JsonObject { ["accountId"] = "acc-raj", ["displayName"] = "Raj Patel" };
            f["labels"] = new JsonArray("pci", "sox");
            f["components"] = new JsonArray(new JsonObject { ["name"] = "Vault" });
            f["fixVersions"] = new JsonArray(new JsonObject { ["name"] = "2026.12" });
            f["parent"] = new JsonObject { ["key"] = "PAY-7", ["fields"] = new JsonObject { ["issuetype"] = new JsonObject { ["name"] = "Epic", ["hierarchyLevel"] = 1 } } };
            f["issuelinks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = new JsonObject { ["name"] = "Blocks", ["inward"] = "is blocked by", ["outward"] = "blocks" },
                    ["inwardIssue"] = new JsonObject { ["key"] = "OPS-9", ["fields"] = new JsonObject { ["status"] = IssueJson.Status("Open", "new") } },
                },
                new JsonObject
                {
                    ["type"] = new JsonObject { ["name"] = "Blocks", ["inward"] = "is blocked by", ["outward"] = "blocks" },
                    ["outwardIssue"] = new JsonObject { ["key"] = "WEB-3", ["fields"] = new JsonObject { ["status"] = IssueJson.Status("Done", "done") } },
                });
            f["customfield_10016"] = 5.5;
            f["customfield_10020"] = new JsonObject { ["value"] = "Gold", ["child"] = new JsonObject { ["value"] = "EU" } };
            f["customfield_10030"] = new JsonObject { ["value"] = "Payments Core" };
        });
        var jira = _fixture.NewJira("cloud").Myself("Europe/Lisbon").CloudPages([issue]);
        var settings = jira.Settings(cloud: true) with
        {
            EstimateField = "customfield_10016",
            TeamField = "customfield_10030",
            Fields = new Dictionary<string, string> { ["tier"] = "customfield_10020" },
        };
        await using var source = jira.Create(settings);

        var record = Assert.Single((await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync()).SelectMany(p => p.Records));
        var item = record.Item;

        Assert.Equal(("jira", "10042", "PAY-42", "jira:PAY-42"), (item.Source, item.SourceId, item.Key, item.Id));
        Assert.Equal(WorkItemKind.Issue, item.Kind);
        Assert.Equal("Tokenize PANs — Zahlungsübersicht 支付 🚀", item.Title);
        Assert.Equal("Tokenize the card vault.", item.Description);
        Assert.Equal(("Done", StatusCategory.Done, "Done"), (item.Status, item.Category, item.Resolution));
        Assert.Equal(("Story", "High", 2), (item.Type, item.Priority, item.PriorityRank));
        Assert.Equal(("PAY", "Payments Core"), (item.Project, item.Team));
        Assert.Equal(("Ana Sousa", "Raj Patel"), (item.Assignee, item.Reporter));
        Assert.Equal("acc-ana", item.Fields["assigneeId"]);
        Assert.Equal(["pci", "sox"], item.Labels);
        Assert.Equal(["Vault"], item.Components);
        Assert.Equal(["2026.12"], item.FixVersions);
        Assert.Equal(("PAY-7", "PAY-7"), (item.Parent, item.Epic));
        Assert.Equal(
            [new ItemLink("is blocked by", "OPS-9", "Open", StatusCategory.ToDo), new ItemLink("blocks", "WEB-3", "Done", StatusCategory.Done)],
            item.Links);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 34, 56, TimeSpan.FromHours(1)), item.Updated);
        Assert.Equal(TimeSpan.FromHours(1), item.Updated.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 30, 0, TimeSpan.FromHours(1)), item.Resolved);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), item.Due);
        Assert.Equal(5.5, item.Estimate);
        Assert.Equal(jira.BaseUrl + "/browse/PAY-42", item.BrowseUrl);
        Assert.Equal("Gold / EU", item.Fields["tier"]);
        Assert.DoesNotContain('\n', record.RawJson);
        Assert.Equal("PAY-42", JsonDocument.Parse(record.RawJson).RootElement.GetProperty("key").GetString());
        Assert.Contains("支付 🚀", JsonDocument.Parse(record.RawJson).RootElement.GetProperty("fields").GetProperty("summary").GetString(), StringComparison.Ordinal);

        var body = JsonNode.Parse(jira.RequestsTo("/rest/api/3/search/jql")[0].RequestMessage.Body!)!;
        var fields = body["fields"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("summary", fields);
        Assert.Contains("customfield_10016", fields);
        Assert.Contains("customfield_10020", fields);
    }

    [Fact]
    public async Task A_done_issue_resolved_as_wont_do_is_cancelled()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC").CloudPages([IssueJson.Issue("1", "PAY-1", "2026-11-20T10:00:00.000+0000", fields: f =>
        {
            f["status"] = IssueJson.Status("Closed", "done");
            f["resolution"] = new JsonObject { ["name"] = "Won't Do" };
        })]);
        await using var source = jira.Create(jira.Settings(cloud: true));

        var item = (await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync()).Single().Records.Single().Item;

        Assert.Equal(StatusCategory.Cancelled, item.Category);
        Assert.Null(item.Description);
        Assert.Null(item.Epic);
    }

    [Fact]
    public async Task A_malformed_issue_is_quarantined_with_its_key_and_the_page_goes_on()
    {
        var noFields = new JsonObject { ["id"] = "1002", ["key"] = "PAY-2" };
        var badDate = IssueJson.Issue("1003", "PAY-3", "yesterday-ish");
        var jira = _fixture.NewJira("cloud").Myself("UTC").CloudPages(
            [IssueJson.Issue("1001", "PAY-1", "2026-11-20T10:00:00.000+0000"), noFields, badDate, IssueJson.Issue("1004", "PAY-4", "2026-11-20T10:01:00.000+0000")]);
        await using var source = jira.Create(jira.Settings(cloud: true));

        var page = Assert.Single(await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync());

        Assert.Equal(["PAY-1", "PAY-4"], page.Records.Select(r => r.Item.Key));
        Assert.Equal(["PAY-2", "PAY-3"], page.Quarantined.Select(q => q.Key));
        Assert.Contains("no fields", page.Quarantined[0].Reason, StringComparison.Ordinal);
        Assert.Contains("fields.updated is not a date: 'yesterday-ish'", page.Quarantined[1].Reason, StringComparison.Ordinal);
        Assert.Contains("search page 1", page.Quarantined[1].Reason, StringComparison.Ordinal);
        Assert.Equal("1003", page.Quarantined[1].SourceId);
        Assert.Contains("yesterday-ish", page.Quarantined[1].RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_results_give_no_pages_and_no_error()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC").CloudPages([]);
        await using var source = jira.Create(jira.Settings(cloud: true));

        var pages = await source.ReadChangesAsync("", new SyncCursor(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero)), CancellationToken.None).ToListAsync();

        Assert.Empty(pages);
        Assert.Single(jira.RequestsTo("/rest/api/3/search/jql"));
    }

    [Fact]
    public async Task The_incremental_date_is_sent_in_the_jira_users_time_zone_across_a_day_boundary()
    {
        var jira = _fixture.NewJira("cloud").Myself("America/New_York").CloudPages([]);
        await using var source = jira.Create(jira.Settings(cloud: true, scope: "project = PAY ORDER BY created DESC") with { Overlap = TimeSpan.FromMinutes(10) });

        // 03:05:30Z minus 10 minutes is 02:55:30Z, which is 21:55 the day before in New York (UTC-5).
        await source.ReadChangesAsync("", new SyncCursor(new DateTimeOffset(2026, 11, 20, 3, 5, 30, TimeSpan.Zero)), CancellationToken.None).ToListAsync();

        var jql = JsonNode.Parse(jira.RequestsTo("/rest/api/3/search/jql").Single().RequestMessage.Body!)!["jql"]!.GetValue<string>();
        Assert.Equal("(project = PAY) AND updated >= \"2026-11-19 21:55\" ORDER BY updated ASC, key ASC", jql);
    }

    [Fact]
    public async Task A_unicode_scope_keeps_its_quotes_and_its_order_by_is_replaced()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC").CloudPages([]);
        await using var source = jira.Create(jira.Settings(cloud: true, scope: "summary ~ \"Zahlung order by größe\" order by rank"));

        await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync();

        var jql = JsonNode.Parse(jira.RequestsTo("/rest/api/3/search/jql").Single().RequestMessage.Body!)!["jql"]!.GetValue<string>();
        Assert.Equal("(summary ~ \"Zahlung order by größe\") ORDER BY updated ASC, key ASC", jql);
    }

    [Fact]
    public async Task A_search_answer_that_is_not_json_fails_naming_the_page()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        jira.Post("/rest/api/3/search/jql", _ => FakeJira.Json(200, "{\"issues\": [ {\"id\": \"1\", "));
        await using var source = jira.Create(jira.Settings(cloud: true));

        var e = await Assert.ThrowsAsync<SourceException>(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Equal("search page 1", e.Where);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("{\"issues\": [ {\"id\": \"1\",", e.Message, StringComparison.Ordinal);
    }
}
