using System.Net;
using System.Text.Json;

namespace StrategyLayer.Sandbox.Tests;

public class JiraCloudApiTests(SandboxFixture fx) : IClassFixture<SandboxFixture>
{
    private string Search(string jql, string extra = "") =>
        fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql?jql=" + Uri.EscapeDataString(jql) + extra;

    [Fact]
    public async Task Paging_with_next_page_tokens_visits_every_issue_of_a_project_once_and_ends_with_isLast()
    {
        var seen = new HashSet<string>();
        string? token = null;
        var pages = 0;
        while (true)
        {
            var (r, body) = await fx.GetAsync(Search("project = PAY ORDER BY key ASC", "&fields=key&maxResults=37" + (token is null ? "" : "&nextPageToken=" + Uri.EscapeDataString(token))));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.False(body.TryGetProperty("total", out _));
            foreach (var issue in body.GetProperty("issues").EnumerateArray())
            {
                Assert.True(seen.Add(issue.GetProperty("key").GetString()!));
            }

            pages++;
            if (body.GetProperty("isLast").GetBoolean())
            {
                Assert.False(body.TryGetProperty("nextPageToken", out _));
                break;
            }

            token = body.GetProperty("nextPageToken").GetString();
        }

        Assert.Equal(fx.Sandbox.Counts().JiraProjects["PAY"], seen.Count);
        Assert.True(pages > 1);
        Assert.All(seen, k => Assert.StartsWith("PAY-", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unbounded_jql_is_refused_with_jiras_message()
    {
        var (r, body) = await fx.GetAsync(Search("ORDER BY updated DESC"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("Unbounded JQL queries are not allowed here. Please add a search restriction to your query.", body.GetProperty("errorMessages")[0].GetString());
    }

    [Fact]
    public async Task Issues_come_back_as_ids_only_when_no_fields_are_asked_for()
    {
        var (_, body) = await fx.GetAsync(Search("project in (PAY, WEB)"));
        var issues = body.GetProperty("issues");
        Assert.Equal(50, issues.GetArrayLength());
        Assert.All(issues.EnumerateArray(), i => Assert.Equal(["id"], i.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Max_results_is_capped_at_100_with_fields_and_allowed_to_5000_for_ids()
    {
        var (_, withFields) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql",
            new { jql = "project in (PAY, WEB, CLOUD, OPS, DATA)", maxResults = 1000, fields = new[] { "*all" } });
        Assert.Equal(100, withFields.GetProperty("issues").GetArrayLength());
        var (_, idsOnly) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql",
            new { jql = "project in (PAY, WEB, CLOUD, OPS, DATA)", maxResults = 1000, fields = new[] { "id" } });
        Assert.Equal(1000, idsOnly.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task Bare_jql_dates_are_read_in_the_time_zone_that_myself_reports()
    {
        var (_, me) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/myself");
        Assert.Equal("Europe/Lisbon", me.GetProperty("timeZone").GetString());

        // Lisbon is UTC+1 in summer: "2026-08-01 10:00" there is 09:00 UTC.
        var (_, body) = await fx.GetAsync(Search("project = OPS AND updated >= \"2026-08-01 10:00\" AND updated < \"2026-08-20 10:00\"", "&fields=updated&maxResults=100"));
        var boundary = new DateTimeOffset(2026, 8, 1, 9, 0, 0, TimeSpan.Zero);
        var updates = body.GetProperty("issues").EnumerateArray()
            .Select(i => DateTimeOffset.ParseExact(i.GetProperty("fields").GetProperty("updated").GetString()!, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", null)).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.True(u >= boundary));
        var (_, epoch) = await fx.GetAsync(Search("project = OPS AND updated >= " + boundary.ToUnixTimeMilliseconds() + " AND updated < \"2026-08-20 10:00\"", "&maxResults=100"));
        Assert.Equal(updates.Count, epoch.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task Jql_dates_with_seconds_are_refused()
    {
        var (r, body) = await fx.GetAsync(Search("project = OPS AND updated >= \"2026-08-01 10:00:00\""));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("for field 'updated' is invalid", body.GetProperty("errorMessages")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_in_with_a_key_that_does_not_exist_is_refused_naming_the_key()
    {
        var (r, body) = await fx.GetAsync(Search("key in (PAY-1, PAY-99999)"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("An issue with key 'PAY-99999' does not exist for field 'key'.", body.GetProperty("errorMessages")[0].GetString());
    }

    [Fact]
    public async Task Unknown_fields_and_syntax_errors_are_refused_with_where_they_are()
    {
        var (r1, b1) = await fx.GetAsync(Search("sprint = 4"));
        Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
        Assert.Equal("Field 'sprint' does not exist or you do not have permission to view it.", b1.GetProperty("errorMessages")[0].GetString());
        var (r2, b2) = await fx.GetAsync(Search("project = PAY labels = pci"));
        Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
        Assert.Contains("(line 1, character 15)", b2.GetProperty("errorMessages")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_or_and_parentheses_filter_like_jira()
    {
        var (_, body) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql",
            new { jql = "(project = PAY and labels in (pci, tokenization)) or (project = CLOUD and labels = migration)", maxResults = 100, fields = new[] { "labels", "project" } });
        var issues = body.GetProperty("issues").EnumerateArray().ToList();
        Assert.NotEmpty(issues);
        Assert.All(issues, i =>
        {
            var project = i.GetProperty("fields").GetProperty("project").GetProperty("key").GetString();
            var labels = i.GetProperty("fields").GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
            Assert.True((project == "PAY" && (labels.Contains("pci") || labels.Contains("tokenization"))) || (project == "CLOUD" && labels.Contains("migration")));
        });
    }

    [Fact]
    public async Task Approximate_count_matches_the_number_of_issues_paged()
    {
        var (_, count) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/approximate-count", new { jql = "project = WEB" });
        var (_, page) = await fx.GetAsync(Search("project = WEB", "&maxResults=5000"));
        Assert.Equal(page.GetProperty("issues").GetArrayLength(), count.GetProperty("count").GetInt32());
        Assert.Equal(fx.Sandbox.Counts().JiraProjects["WEB"], count.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Bulkfetch_silently_leaves_out_issues_that_do_not_exist()
    {
        var (r, body) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/bulkfetch",
            new { issueIdsOrKeys = new[] { "PAY-1", "NOPE-1", "10001", "PAY-999999" }, fields = new[] { "summary" } });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var keys = body.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Equal(2, keys.Count);
        Assert.Contains("PAY-1", keys);
        Assert.Equal(0, body.GetProperty("issueErrors").GetArrayLength());
    }

    [Fact]
    public async Task Getting_a_missing_issue_answers_404_with_error_messages()
    {
        var (r, body) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/PAY-999999");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("Issue does not exist or you do not have permission to see it.", body.GetProperty("errorMessages")[0].GetString());
    }

    [Fact]
    public async Task The_old_search_endpoints_are_gone_on_cloud()
    {
        var (r2, _) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/2/search?jql=project%3DPAY");
        var (r3, body) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search?jql=project%3DPAY");
        Assert.Equal(HttpStatusCode.Gone, r2.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, r3.StatusCode);
        Assert.Contains("CHANGE-2046", body.GetProperty("errorMessages")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Descriptions_are_adf_in_v3_and_wiki_text_in_v2()
    {
        var (_, v3) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/PAY-2?fields=description");
        var (_, v2) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/2/issue/PAY-2?fields=description");
        Assert.Equal("doc", v3.GetProperty("fields").GetProperty("description").GetProperty("type").GetString());
        Assert.StartsWith("h3. Context", v2.GetProperty("fields").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blocked_pay_work_links_to_an_open_ops_issue_that_blocks_it()
    {
        var (_, body) = await fx.GetAsync(Search("project = PAY and status = Blocked", "&fields=issuelinks,status&maxResults=100"));
        var link = body.GetProperty("issues").EnumerateArray()
            .SelectMany(i => i.GetProperty("fields").GetProperty("issuelinks").EnumerateArray())
            .First(l => l.TryGetProperty("inwardIssue", out _));
        Assert.Equal("is blocked by", link.GetProperty("type").GetProperty("inward").GetString());
        var blocker = link.GetProperty("inwardIssue");
        Assert.StartsWith("OPS-", blocker.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("done", blocker.GetProperty("fields").GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString());
        var (_, ops) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/" + blocker.GetProperty("key").GetString() + "?fields=issuelinks");
        Assert.Contains(ops.GetProperty("fields").GetProperty("issuelinks").EnumerateArray(), l => l.TryGetProperty("outwardIssue", out var o) && o.GetProperty("key").GetString()!.StartsWith("PAY-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Epic_children_name_their_epic_as_parent_on_cloud()
    {
        var (_, body) = await fx.GetAsync(Search("project = CLOUD and issuetype = Story", "&fields=parent,issuetype&maxResults=50"));
        var parents = body.GetProperty("issues").EnumerateArray()
            .Where(i => i.GetProperty("fields").TryGetProperty("parent", out _))
            .Select(i => i.GetProperty("fields").GetProperty("parent").GetProperty("fields").GetProperty("issuetype").GetProperty("name").GetString()).ToList();
        Assert.NotEmpty(parents);
        Assert.All(parents, p => Assert.Equal("Epic", p));
    }

    [Fact]
    public async Task The_field_list_includes_story_points()
    {
        var (_, body) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/field");
        Assert.Contains(body.EnumerateArray(), f => f.GetProperty("id").GetString() == "customfield_10016");
    }

    [Fact]
    public async Task A_malformed_search_body_gets_a_400_that_says_where()
    {
        var r = await fx.Http.PostAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql", new StringContent("{\"jql\": ", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("line 1", body.GetProperty("errorMessages")[0].GetString(), StringComparison.Ordinal);
    }
}
