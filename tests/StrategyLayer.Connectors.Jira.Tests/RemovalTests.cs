using System.Globalization;
using System.Text.Json.Nodes;
using StrategyLayer.Connectors.Jira.Tests.Support;
using StrategyLayer.Domain.Items;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

public class RemovalTests : IClassFixture<JiraServerFixture>
{
    private readonly JiraServerFixture _fixture;

    public RemovalTests(JiraServerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task The_cloud_scope_is_listed_by_id_and_key_only_in_large_pages()
    {
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        var calls = 0;
        jira.Post("/rest/api/3/search/jql", _ => Interlocked.Increment(ref calls) == 1
            ? FakeJira.Json(200, """{"issues":[{"id":"1","key":"PAY-1"},{"id":"2","key":"PAY-2"}],"nextPageToken":"n1","isLast":false}""")
            : FakeJira.Json(200, """{"issues":[{"id":"3","key":"PAY-30"}],"isLast":true}"""));
        await using var source = jira.Create(jira.Settings(cloud: true, scope: "project = PAY ORDER BY rank"));

        var pages = await source.ListScopeAsync("", CancellationToken.None).ToListAsync();

        Assert.Equal(["1:PAY-1", "2:PAY-2", "3:PAY-30"], pages.SelectMany(p => p).Select(e => e.SourceId + ":" + e.Key));
        var first = JsonNode.Parse(jira.RequestsTo("/rest/api/3/search/jql")[0].RequestMessage.Body!)!;
        Assert.Equal(5000, first["maxResults"]!.GetValue<int>());
        Assert.Equal(["key"], first["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("(project = PAY) ORDER BY key ASC", first["jql"]!.GetValue<string>());
        Assert.Equal("n1", JsonNode.Parse(jira.RequestsTo("/rest/api/3/search/jql")[1].RequestMessage.Body!)!["nextPageToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task On_cloud_a_deleted_issue_is_told_from_one_moved_out_of_scope_through_bulkfetch()
    {
        var ids = Enumerable.Range(1, 150).Select(i => (7000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
        var stillThere = new HashSet<string> { "7001", "7120" };
        var jira = _fixture.NewJira("cloud").Myself("UTC");
        var asked = new List<int>();
        jira.Post("/rest/api/3/issue/bulkfetch", req =>
        {
            var requested = JsonNode.Parse(req.Body!)!["issueIdsOrKeys"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            lock (asked)
            {
                asked.Add(requested.Count);
            }

            var found = requested.Where(stillThere.Contains).Select(id => (JsonNode)new JsonObject { ["id"] = id, ["key"] = "MOVED-" + id });
            return FakeJira.Json(200, new JsonObject { ["issues"] = new JsonArray(found.ToArray()), ["issueErrors"] = new JsonArray() }.ToJsonString());
        });
        await using var source = jira.Create(jira.Settings(cloud: true));

        var reasons = await source.ClassifyMissingAsync("", ids, CancellationToken.None);

        Assert.Equal([100, 50], asked);
        Assert.Equal(150, reasons.Count);
        Assert.Equal(RemovalReason.OutOfScope, reasons["7001"]);
        Assert.Equal(RemovalReason.OutOfScope, reasons["7120"]);
        Assert.Equal(148, reasons.Values.Count(r => r == RemovalReason.Deleted));
    }

    [Fact]
    public async Task On_data_center_a_404_means_deleted_and_a_readable_issue_moved_out_of_scope()
    {
        var jira = _fixture.NewJira("dc");
        jira.Get("/rest/api/2/issue/5001", _ => FakeJira.Json(200, """{"id":"5001","key":"NEW-1","fields":{}}"""));
        jira.Get("/rest/api/2/issue/5002", _ => FakeJira.Json(404, """{"errorMessages":["Issue Does Not Exist"],"errors":{}}"""));
        await using var source = jira.Create(jira.Settings(cloud: false));

        var reasons = await source.ClassifyMissingAsync("", ["5001", "5002"], CancellationToken.None);

        Assert.Equal(RemovalReason.OutOfScope, reasons["5001"]);
        Assert.Equal(RemovalReason.Deleted, reasons["5002"]);
        Assert.Equal("key", jira.RequestsTo("/rest/api/2/issue/5001").Single().RequestMessage.Query!["fields"][0]);
    }

    [Fact]
    public async Task The_data_center_scope_listing_slices_too_and_lists_each_issue_once()
    {
        var start = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var issues = Enumerable.Range(0, 9).Select(i => IssueJson.Issue(
            (8000 + i).ToString(CultureInfo.InvariantCulture),
            "OPS-" + i,
            start.AddSeconds(i * 30).ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture)));
        var search = new FakeDataCenterSearch(issues, cap: 2);
        var jira = _fixture.NewJira("dc").Myself("UTC").Get("/rest/api/2/field", _ => FakeJira.Json(200, "[]")).Get("/rest/api/2/search", search.Handle);
        var settings = jira.Settings(cloud: false) with { Options = new Dictionary<string, string> { ["sliceLimit"] = "4" } };
        await using var source = jira.Create(settings);

        var entries = (await source.ListScopeAsync("", CancellationToken.None).ToListAsync()).SelectMany(p => p).ToList();

        Assert.Equal(9, entries.Count);
        Assert.Equal(9, entries.Select(e => e.SourceId).Distinct().Count());
        Assert.All(search.Calls, c => Assert.True(c.StartAt < 4));
        Assert.Contains(search.Calls, c => c.Jql.Contains("updated >= \"2026-11-20 08:01\"", StringComparison.Ordinal));
        Assert.Equal("key,updated", jira.RequestsTo("/rest/api/2/search")[0].RequestMessage.Query!["fields"][0]);
    }

    [Fact]
    public async Task Jira_reports_no_deletions_of_its_own()
    {
        var jira = _fixture.NewJira("cloud");
        await using var source = jira.Create(jira.Settings(cloud: true));

        var batches = await source.ReadDeletionsAsync("", DateTimeOffset.UnixEpoch, CancellationToken.None).ToListAsync();

        Assert.Empty(batches);
        Assert.Empty(jira.Requests);
    }
}
