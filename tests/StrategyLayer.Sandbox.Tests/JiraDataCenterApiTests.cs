using System.Net;

namespace StrategyLayer.Sandbox.Tests;

public class JiraDataCenterApiTests(JiraDataCenterApiTests.Fixture fx) : IClassFixture<JiraDataCenterApiTests.Fixture>
{
    public class Fixture : SandboxFixture
    {
        protected override SandboxOptions Options => new() { Size = "small", Seed = 7, DataCenterMaxResults = 500, DataCenterResultWindow = 1000 };
    }

    private string Search(string jql, string extra = "") =>
        fx.Sandbox.JiraDataCenterUrl + "/rest/api/2/search?jql=" + Uri.EscapeDataString(jql) + extra;

    [Fact]
    public async Task Max_results_is_silently_lowered_to_the_server_cap_and_echoed_with_the_total()
    {
        var (r, body) = await fx.GetAsync(Search("project in (PAY, WEB, CLOUD)", "&maxResults=2000&fields=key"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(500, body.GetProperty("maxResults").GetInt32());
        Assert.Equal(500, body.GetProperty("issues").GetArrayLength());
        var counts = fx.Sandbox.Counts().JiraProjects;
        Assert.Equal(counts["PAY"] + counts["WEB"] + counts["CLOUD"], body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Start_at_pages_through_a_project_without_gaps()
    {
        var keys = new List<string>();
        for (var startAt = 0; ; startAt += 100)
        {
            var (_, body) = await fx.GetAsync(Search("project = OPS ORDER BY key ASC", "&fields=key&maxResults=100&startAt=" + startAt));
            Assert.Equal(startAt, body.GetProperty("startAt").GetInt32());
            keys.AddRange(body.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString()!));
            if (startAt + 100 >= body.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        Assert.Equal(fx.Sandbox.Counts().JiraProjects["OPS"], keys.Distinct().Count());
        Assert.Equal(keys.OrderBy(k => int.Parse(k[4..], System.Globalization.CultureInfo.InvariantCulture)), keys);
    }

    [Fact]
    public async Task Start_at_beyond_the_result_window_is_refused_so_clients_must_narrow_the_jql()
    {
        var (r, body) = await fx.GetAsync(Search("id > 0 ORDER BY id ASC", "&startAt=1000"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Result window is too large", body.GetProperty("errorMessages")[0].GetString(), StringComparison.Ordinal);

        var (_, narrowed) = await fx.GetAsync(Search("id > 10999 ORDER BY id ASC", "&startAt=0&fields=key&maxResults=5"));
        Assert.Equal("11000", narrowed.GetProperty("issues")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_epic_link_field_is_found_by_its_schema_and_holds_the_epic_key_on_children()
    {
        var (_, fields) = await fx.GetAsync(fx.Sandbox.JiraDataCenterUrl + "/rest/api/2/field");
        var epicLink = fields.EnumerateArray().Single(f => f.GetProperty("schema").TryGetProperty("custom", out var c) && c.GetString() == "com.pyxis.greenhopper.jira:gh-epic-link");
        var id = epicLink.GetProperty("id").GetString()!;

        var (_, body) = await fx.GetAsync(Search("project = WEB and issuetype = Story", "&fields=" + id + ",parent,assignee&maxResults=50"));
        var linked = body.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("fields")).Where(f => f.GetProperty(id).ValueKind == System.Text.Json.JsonValueKind.String).ToList();
        Assert.NotEmpty(linked);
        foreach (var f in linked.Take(5))
        {
            Assert.False(f.TryGetProperty("parent", out _));
            var (_, epic) = await fx.GetAsync(fx.Sandbox.JiraDataCenterUrl + "/rest/api/2/issue/" + f.GetProperty(id).GetString() + "?fields=issuetype");
            Assert.Equal("Epic", epic.GetProperty("fields").GetProperty("issuetype").GetProperty("name").GetString());
        }

        var assignee = body.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("fields").GetProperty("assignee")).First(a => a.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.True(assignee.TryGetProperty("name", out _));
        Assert.False(assignee.TryGetProperty("accountId", out _));
    }

    [Fact]
    public async Task Data_center_allows_unbounded_jql_and_accepts_post()
    {
        var (r, body) = await fx.PostJsonAsync(fx.Sandbox.JiraDataCenterUrl + "/rest/api/2/search", new { jql = "", maxResults = 1, fields = new[] { "summary" } });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(fx.Sandbox.Counts().Jira, body.GetProperty("total").GetInt32());
        Assert.IsType<string>(body.GetProperty("issues")[0].GetProperty("fields").GetProperty("summary").GetString());
    }
}
