using System.Net;
using System.Text.Json;

namespace StrategyLayer.Sandbox.Tests;

/// <summary>Edits, deletions and moves (these tests change the data, so they have their own sandbox).</summary>
public class ControlTests(ControlTests.Fixture fx) : IClassFixture<ControlTests.Fixture>
{
    public class Fixture : SandboxFixture
    {
        // Pinned: the searches below name the generator's now.
        protected override SandboxOptions Options => new() { Size = "small", Seed = 5, Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero) };
    }

    private string Search(string jql, string extra = "") =>
        fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql?jql=" + Uri.EscapeDataString(jql) + extra;

    [Fact]
    public async Task Edited_issues_get_a_new_version_and_are_found_by_an_updated_since_query()
    {
        var before = fx.Sandbox.Counts().Jira;
        var edited = fx.Sandbox.Edit(0.05, SandboxSource.Jira);
        Assert.Equal((int)Math.Round(before * 0.05), edited.Count);
        Assert.All(edited, k => Assert.DoesNotMatch("^(INC|CHG|PRB)", k));

        // Generated data ends a minute before the generator's now (12:00 UTC = 12:00 in Lisbon in November).
        var (_, body) = await fx.GetAsync(Search("project in (PAY, WEB, CLOUD, OPS, DATA, ARCH) and updated >= \"2026-11-20 12:00\"", "&fields=key,summary&maxResults=100"));
        var found = body.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToHashSet();
        Assert.All(edited, k => Assert.Contains(k, found));
        Assert.All(body.GetProperty("issues").EnumerateArray(), i => Assert.Matches(@"\(rev \d+\)$", i.GetProperty("fields").GetProperty("summary").GetString()!));
    }

    [Fact]
    public async Task Deleted_issues_are_gone_from_search_and_get_while_bulkfetch_omits_them()
    {
        var deleted = fx.Sandbox.Delete(3, SandboxSource.Jira);
        Assert.Equal(3, deleted.Count);
        foreach (var key in deleted)
        {
            var (r, _) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/" + key);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        var (refused, _) = await fx.GetAsync(Search("key in (" + string.Join(",", deleted) + ")"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var (_, bulk) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/bulkfetch", new { issueIdsOrKeys = deleted, fields = new[] { "key" } });
        Assert.Equal(0, bulk.GetProperty("issues").GetArrayLength());
        var (_, count) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/approximate-count", new { jql = "project in (PAY, WEB, CLOUD, OPS, DATA, ARCH)" });
        Assert.Equal(fx.Sandbox.Counts().Jira, count.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Deleted_servicenow_rows_leave_a_sys_audit_delete_row()
    {
        var deleted = fx.Sandbox.Delete(4, SandboxSource.ServiceNow);
        var (_, audit) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/sys_audit_delete?sysparm_query=" + Uri.EscapeDataString("display_valueIN" + string.Join(",", deleted)));
        var rows = audit.GetProperty("result").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        foreach (var row in rows)
        {
            var table = row.GetProperty("tablename").GetString()!;
            Assert.Contains(table, new[] { "incident", "change_request", "problem" });
            var (r, _) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/" + table + "/" + row.GetProperty("documentkey").GetString());
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            var (_, list) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/" + table + "?sysparm_query=number=" + row.GetProperty("display_value").GetString());
            Assert.Equal(0, list.GetProperty("result").GetArrayLength());
        }
    }

    [Fact]
    public async Task Moved_issues_leave_the_scope_and_their_old_keys_still_find_them()
    {
        var moved = Assert.Single(fx.Sandbox.MoveOutOfScope(1));
        Assert.StartsWith("ARCH-", moved.NewKey, StringComparison.Ordinal);
        var (_, issue) = await fx.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/" + moved.OldKey + "?fields=project");
        Assert.Equal(moved.NewKey, issue.GetProperty("key").GetString());
        Assert.Equal("ARCH", issue.GetProperty("fields").GetProperty("project").GetProperty("key").GetString());
        var project = moved.OldKey.Split('-')[0];
        var (_, inScope) = await fx.GetAsync(Search("project = " + project, "&fields=key&maxResults=5000"));
        Assert.DoesNotContain(inScope.GetProperty("issues").EnumerateArray(), i => i.GetProperty("key").GetString() == moved.NewKey || i.GetProperty("key").GetString() == moved.OldKey);
    }

    [Fact]
    public async Task Vendor_apis_refuse_writes_and_the_request_log_shows_them()
    {
        using var put = new HttpRequestMessage(HttpMethod.Put, fx.Sandbox.JiraCloudUrl + "/rest/api/3/issue/PAY-1") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        var jira = await fx.Http.SendAsync(put);
        var sn = await fx.Http.PatchAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident/" + new string('0', 32), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.False(jira.IsSuccessStatusCode);
        Assert.False(sn.IsSuccessStatusCode);
        Assert.Contains(fx.Sandbox.Requests, r => r.Method == "PUT" && r.Path == "/jira-cloud/rest/api/3/issue/PAY-1" && r.Status >= 400);
        Assert.Contains(fx.Sandbox.Requests, r => r.Method == "PATCH" && r.Path.StartsWith("/servicenow/api/now/table/incident/", StringComparison.Ordinal) && r.Status == 403);
    }

    [Fact]
    public async Task The_control_api_over_http_changes_data_and_reads_the_log_without_logging_itself()
    {
        var before = await fx.GetAsync(fx.Sandbox.BaseUrl + "/_sandbox/counts");
        var edit = await fx.Http.PostAsync(fx.Sandbox.BaseUrl + "/_sandbox/edit?share=0.01&source=servicenow", null);
        var edited = JsonDocument.Parse(await edit.Content.ReadAsStringAsync()).RootElement.GetProperty("edited");
        Assert.True(edited.GetArrayLength() > 0);
        Assert.All(edited.EnumerateArray(), k => Assert.Matches("^(INC|CHG|PRB)", k.GetString()!));
        var del = await fx.Http.PostAsync(fx.Sandbox.BaseUrl + "/_sandbox/delete?count=2&source=jira", null);
        Assert.Equal(2, JsonDocument.Parse(await del.Content.ReadAsStringAsync()).RootElement.GetProperty("deleted").GetArrayLength());
        var (_, after) = await fx.GetAsync(fx.Sandbox.BaseUrl + "/_sandbox/counts");
        Assert.Equal(before.Body.GetProperty("jira").GetInt32() - 2, after.GetProperty("jira").GetInt32());

        await fx.Http.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/myself");
        var (_, log) = await fx.GetAsync(fx.Sandbox.BaseUrl + "/_sandbox/requests");
        Assert.Contains(log.EnumerateArray(), r => r.GetProperty("path").GetString() == "/jira-cloud/rest/api/3/myself" && r.GetProperty("method").GetString() == "GET");
        Assert.DoesNotContain(log.EnumerateArray(), r => r.GetProperty("path").GetString()!.StartsWith("/_sandbox", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_keyset_read_after_an_edit_sees_the_new_order_not_the_one_kept_before_it()
    {
        async Task<List<(string Id, string Number, string Updated)>> KeysetAsync(string after, string afterId)
        {
            var rows = new List<(string, string, string)>();
            while (true)
            {
                var q = $"sys_updated_on>{after}^ORsys_updated_on={after}^sys_id>{afterId}^ORsys_updated_on>{after}^ORDERBYsys_updated_on^ORDERBYsys_id";
                var (_, body) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_limit=25&sysparm_fields=sys_id,number,sys_updated_on&sysparm_query=" + Uri.EscapeDataString(q));
                var page = body.GetProperty("result").EnumerateArray().Select(r => (r.GetProperty("sys_id").GetString()!, r.GetProperty("number").GetString()!, r.GetProperty("sys_updated_on").GetString()!)).ToList();
                if (page.Count == 0)
                {
                    return rows;
                }

                rows.AddRange(page);
                (after, afterId) = (page[^1].Item3, page[^1].Item1);
            }
        }

        var before = await KeysetAsync("1970-01-01 00:00:00", "");
        var edited = fx.Sandbox.Edit(0.2, SandboxSource.ServiceNow).Where(k => k.StartsWith("INC", StringComparison.Ordinal)).ToList();
        var since = await KeysetAsync(before[^1].Updated, before[^1].Id);
        var all = await KeysetAsync("1970-01-01 00:00:00", "");

        Assert.NotEmpty(edited);
        Assert.Equal(edited.Order(StringComparer.Ordinal), since.Select(r => r.Number).Order(StringComparer.Ordinal));
        Assert.Equal(before.Count, all.Count);
        Assert.Equal(all.OrderBy(r => r.Updated, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal), all);
        Assert.Equal(since.Select(r => r.Number), all.TakeLast(since.Count).Select(r => r.Number));
    }
}
