using System.Globalization;
using System.Text.Json.Nodes;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Jira.Tests.Support;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

public class DataCenterSyncTests : IClassFixture<JiraServerFixture>
{
    private const string Fields = """
        [{"id":"summary","name":"Summary","custom":false},
         {"id":"customfield_10008","name":"Epic Link","custom":true,"schema":{"type":"any","custom":"com.pyxis.greenhopper.jira:gh-epic-link","customId":10008}},
         {"id":"customfield_10002","name":"Story Points","custom":true,"schema":{"type":"number","custom":"com.atlassian.jira.plugin.system.customfieldtypes:float"}}]
        """;

    private readonly JiraServerFixture _fixture;

    public DataCenterSyncTests(JiraServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Paging_advances_by_what_came_back_when_the_server_lowers_max_results()
    {
        var issues = Enumerable.Range(1, 5).Select(i => IssueJson.Issue($"{2000 + i}", $"OPS-{i}", $"2026-11-20T10:0{i}:00.000+0000")).ToList();
        var search = new FakeDataCenterSearch(issues, cap: 2);
        var jira = _fixture.NewJira("dc").Myself("UTC").Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]")).Get("/rest/api/2/search", search.Handle);
        await using var source = jira.Create(jira.Settings(cloud: false, scope: "project = OPS ORDER BY priority DESC"));

        var pages = await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync();

        Assert.Equal([0, 2, 4], search.Calls.Select(c => c.StartAt));
        Assert.All(search.Calls, c => Assert.Equal("(project = OPS) ORDER BY updated ASC, key ASC", c.Jql));
        Assert.Equal(["OPS-1", "OPS-2", "OPS-3", "OPS-4", "OPS-5"], pages.SelectMany(p => p.Records).Select(r => r.Item.Key));
        Assert.Equal(new SyncCursor(new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.Zero), "2005"), pages[^1].Cursor);
        Assert.Empty(jira.RequestsTo("/rest/api/3/search/jql"));
    }

    [Fact]
    public async Task The_epic_link_field_is_found_by_its_schema_and_wiki_text_is_kept()
    {
        var issue = IssueJson.Issue("3001", "OPS-7", "2026-11-20T10:00:00.000-0500", "Rotate keys", f =>
        {
            f["description"] = "h2. Steps\n* rotate\n* verify {{kms}}";
            f["customfield_10008"] = "OPS-1";
            f["customfield_10002"] = 3;
            f["assignee"] = new JsonObject { ["name"] = "jdoe", ["key"] = "JIRAUSER10100", ["displayName"] = "Jane Doe" };
            f["priority"] = new JsonObject { ["id"] = "1", ["name"] = "Blocker" };
        });
        var search = new FakeDataCenterSearch([issue]);
        var jira = _fixture.NewJira("dc").Myself("UTC").Get("/rest/api/2/field", _ => FakeJira.Json(200, Fields)).Get("/rest/api/2/search", search.Handle);
        await using var source = jira.Create(jira.Settings(cloud: false) with { EstimateField = "customfield_10002" });

        var item = (await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync()).Single().Records.Single().Item;

        Assert.Equal("OPS-1", item.Epic);
        Assert.Equal("h2. Steps\n* rotate\n* verify {{kms}}", item.Description);
        Assert.Equal(("Jane Doe", "jdoe"), (item.Assignee, item.Fields["assigneeId"]));
        Assert.Equal(1, item.PriorityRank);
        Assert.Equal(3, item.Estimate);
        Assert.Equal(TimeSpan.FromHours(-5), item.Updated.Offset);
        var fields = jira.RequestsTo("/rest/api/2/search").Single().RequestMessage.Query!["fields"][0];
        Assert.Contains("customfield_10008", fields, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sync_beyond_ten_thousand_issues_slices_by_updated_and_never_pages_that_deep()
    {
        // Three issues a minute, so every slice boundary repeats the issues of its first minute.
        var start = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var issues = Enumerable.Range(0, 12_500).Select(i =>
        {
            var updated = start.AddSeconds(i * 20).ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture);
            return new JsonObject
            {
                ["id"] = (100_000 + i).ToString(CultureInfo.InvariantCulture),
                ["key"] = $"BIG-{i + 1}",
                ["fields"] = new JsonObject
                {
                    ["summary"] = "s",
                    ["status"] = IssueJson.Status("Open", "new"),
                    ["project"] = new JsonObject { ["key"] = "BIG" },
                    ["created"] = updated,
                    ["updated"] = updated,
                },
            };
        });
        var search = new FakeDataCenterSearch(issues);
        var jira = _fixture.NewJira("dc").Myself("UTC").Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]")).Get("/rest/api/2/search", search.Handle);
        await using var source = jira.Create(jira.Settings(cloud: false, scope: "project = BIG") with { PageSize = 1000 });

        var pages = await source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync();

        var ids = pages.SelectMany(p => p.Records).Select(r => r.Item.SourceId).ToList();
        Assert.Equal(12_500, ids.Count);
        Assert.Equal(12_500, ids.Distinct().Count());
        Assert.All(search.Calls, c => Assert.True(c.StartAt < 10_000, $"startAt {c.StartAt} reached the window"));
        Assert.True(search.Calls.Select(c => c.Jql).Distinct().Count() >= 2, "the search was never sliced");
        Assert.Contains(search.Calls, c => c.Jql.Contains("updated >= \"2026-06-03 ", StringComparison.Ordinal));
        Assert.Equal(start.AddSeconds(12_499 * 20), pages[^1].Cursor.Mark);
    }

    [Fact]
    public async Task An_incremental_sync_bounds_the_search_by_the_cursor_minus_the_overlap()
    {
        var search = new FakeDataCenterSearch([IssueJson.Issue("4001", "OPS-1", "2026-11-20T09:58:00.000+0000"), IssueJson.Issue("4002", "OPS-2", "2026-11-20T10:30:00.000+0000")]);
        var jira = _fixture.NewJira("dc").Myself("Asia/Tokyo").Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]")).Get("/rest/api/2/search", search.Handle);
        await using var source = jira.Create(jira.Settings(cloud: false) with { Overlap = TimeSpan.FromMinutes(5) });

        await source.ReadChangesAsync("", new SyncCursor(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), "4001"), CancellationToken.None).ToListAsync();

        Assert.Equal("(project = PAY) AND updated >= \"2026-11-20 18:55\" ORDER BY updated ASC, key ASC", search.Calls.Single().Jql);
    }

    [Fact]
    public async Task More_issues_in_one_minute_than_a_slice_holds_is_a_clear_error_not_an_endless_loop()
    {
        var issues = Enumerable.Range(0, 7).Select(i => IssueJson.Issue($"{6000 + i}", $"OPS-{i}", $"2026-11-20T10:00:{10 + i}.000+0000"));
        var search = new FakeDataCenterSearch(issues, cap: 2);
        var jira = _fixture.NewJira("dc").Myself("UTC").Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]")).Get("/rest/api/2/search", search.Handle);
        var settings = jira.Settings(cloud: false) with { Options = new Dictionary<string, string> { ["sliceLimit"] = "4" } };
        await using var source = jira.Create(settings);

        var e = await Assert.ThrowsAsync<StrategyLayer.Domain.Errors.SourceException>(() => source.ReadChangesAsync("", null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains("more than 4 issues were updated in the minute 2026-11-20 10:00", e.Message, StringComparison.Ordinal);
        Assert.True(search.Calls.Count < 10);
    }
}
