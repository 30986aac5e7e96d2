using System.Net;
using System.Text.Json;

namespace StrategyLayer.Sandbox.Tests;

public class ServiceNowTableApiTests(SandboxFixture fx) : IClassFixture<SandboxFixture>
{
    private string Table(string table, string query) => fx.Sandbox.ServiceNowUrl + "/api/now/table/" + table + "?" + query;

    private async Task<int> TotalAsync(string table, string encodedQuery)
    {
        var (r, _) = await fx.GetAsync(Table(table, "sysparm_limit=1&sysparm_fields=sys_id&sysparm_query=" + Uri.EscapeDataString(encodedQuery)));
        return int.Parse(r.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task An_unknown_table_is_refused_with_servicenows_error_body()
    {
        var (r, body) = await fx.GetAsync(Table("foo", ""));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("{\"error\":{\"message\":\"Invalid table foo\",\"detail\":null},\"status\":\"failure\"}", body.GetRawText());
    }

    [Fact]
    public async Task A_condition_on_an_unknown_field_is_silently_ignored()
    {
        var all = await TotalAsync("incident", "");
        Assert.Equal(all, await TotalAsync("incident", "u_no_such_field=42"));
        var p1 = await TotalAsync("incident", "priority=1");
        Assert.True(p1 > 0 && p1 < all);
        Assert.Equal(p1, await TotalAsync("incident", "priority=1^u_no_such_field=42"));
    }

    [Fact]
    public async Task Offset_paging_follows_the_link_header_through_every_row()
    {
        var url = Table("problem", "sysparm_limit=25&sysparm_fields=sys_id,number");
        var seen = new HashSet<string>();
        var total = -1;
        while (url is not null)
        {
            var (r, body) = await fx.GetAsync(url);
            total = int.Parse(r.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var row in body.GetProperty("result").EnumerateArray())
            {
                Assert.True(seen.Add(row.GetProperty("sys_id").GetString()!));
                Assert.Equal(2, row.EnumerateObject().Count());
            }

            var link = r.Headers.GetValues("Link").Single();
            Assert.Contains("rel=\"first\"", link, StringComparison.Ordinal);
            Assert.Contains("rel=\"last\"", link, StringComparison.Ordinal);
            url = link.Split(',').Select(l => l.Split(';')).Where(p => p[1] == "rel=\"next\"").Select(p => p[0].Trim('<', '>')).FirstOrDefault();
        }

        Assert.Equal(fx.Sandbox.Counts().ServiceNowTables["problem"], total);
        Assert.Equal(total, seen.Count);
    }

    [Fact]
    public async Task One_page_has_no_link_header_and_no_count_drops_the_total()
    {
        var (r, _) = await fx.GetAsync(Table("problem", "sysparm_limit=10000&sysparm_fields=sys_id"));
        Assert.False(r.Headers.Contains("Link"));
        var (r2, body) = await fx.GetAsync(Table("problem", "sysparm_limit=5&sysparm_no_count=true"));
        Assert.False(r2.Headers.Contains("X-Total-Count"));
        Assert.Equal(5, body.GetProperty("result").GetArrayLength());
    }

    [Fact]
    public async Task Display_value_false_true_and_all_shape_choices_and_references_like_servicenow()
    {
        var q = "sysparm_limit=1&sysparm_fields=state,priority,assignment_group&sysparm_query=" + Uri.EscapeDataString("assignment_group.name=Service Desk^priority=1");
        var (_, raw) = await fx.GetAsync(Table("incident", q));
        var (_, rawNoLink) = await fx.GetAsync(Table("incident", q + "&sysparm_exclude_reference_link=true"));
        var (_, display) = await fx.GetAsync(Table("incident", q + "&sysparm_display_value=true"));
        var (_, both) = await fx.GetAsync(Table("incident", q + "&sysparm_display_value=all"));
        var r = raw.GetProperty("result")[0];
        Assert.Equal("1", r.GetProperty("priority").GetString());
        Assert.Matches("^[0-9a-f]{32}$", r.GetProperty("assignment_group").GetProperty("value").GetString()!);
        Assert.Contains("/api/now/table/sys_user_group/", r.GetProperty("assignment_group").GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, rawNoLink.GetProperty("result")[0].GetProperty("assignment_group").ValueKind);
        var d = display.GetProperty("result")[0];
        Assert.Equal("1 - Critical", d.GetProperty("priority").GetString());
        Assert.Equal("Service Desk", d.GetProperty("assignment_group").GetProperty("display_value").GetString());
        var a = both.GetProperty("result")[0];
        Assert.Equal("1", a.GetProperty("priority").GetProperty("value").GetString());
        Assert.Equal("1 - Critical", a.GetProperty("priority").GetProperty("display_value").GetString());
        Assert.Equal("Service Desk", a.GetProperty("assignment_group").GetProperty("display_value").GetString());
        Assert.Equal(r.GetProperty("assignment_group").GetProperty("value").GetString(), a.GetProperty("assignment_group").GetProperty("value").GetString());
    }

    [Fact]
    public async Task An_empty_reference_is_an_empty_string()
    {
        var (_, body) = await fx.GetAsync(Table("incident", "sysparm_limit=1&sysparm_fields=problem_id&sysparm_query=problem_idISEMPTY"));
        Assert.Equal("", body.GetProperty("result")[0].GetProperty("problem_id").GetString());
    }

    [Fact]
    public async Task Or_and_new_query_combine_conditions_and_orderbydesc_sorts()
    {
        var p1 = await TotalAsync("incident", "priority=1");
        var p2 = await TotalAsync("incident", "priority=2");
        Assert.Equal(p1 + p2, await TotalAsync("incident", "priority=1^ORpriority=2"));
        Assert.Equal(p1 + p2, await TotalAsync("incident", "priority=1^NQpriority=2"));
        Assert.Equal(p1 + p2, await TotalAsync("incident", "priorityIN1,2"));
        var (_, body) = await fx.GetAsync(Table("incident", "sysparm_limit=50&sysparm_fields=sys_updated_on&sysparm_query=" + Uri.EscapeDataString("priority<=2^ORDERBYDESCsys_updated_on")));
        var dates = body.GetProperty("result").EnumerateArray().Select(x => x.GetProperty("sys_updated_on").GetString()!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Keyset_conditions_on_updated_and_sys_id_page_without_offsets()
    {
        var seen = new HashSet<string>();
        var lastUpdated = "1970-01-01 00:00:00";
        var lastId = "";
        while (true)
        {
            var q = $"sys_updated_on>{lastUpdated}^ORsys_updated_on={lastUpdated}^sys_id>{lastId}^ORsys_updated_on>{lastUpdated}^ORDERBYsys_updated_on^ORDERBYsys_id";
            var (_, body) = await fx.GetAsync(Table("change_request", "sysparm_limit=40&sysparm_fields=sys_id,sys_updated_on&sysparm_query=" + Uri.EscapeDataString(q)));
            var rows = body.GetProperty("result").EnumerateArray().ToList();
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var row in rows)
            {
                Assert.True(seen.Add(row.GetProperty("sys_id").GetString()!));
            }

            lastUpdated = rows[^1].GetProperty("sys_updated_on").GetString()!;
            lastId = rows[^1].GetProperty("sys_id").GetString()!;
        }

        Assert.Equal(fx.Sandbox.Counts().ServiceNowTables["change_request"], seen.Count);
    }

    [Fact]
    public async Task String_operators_filter_rows()
    {
        var (_, starts) = await fx.GetAsync(Table("change_request", "sysparm_fields=number,category&sysparm_query=" + Uri.EscapeDataString("numberSTARTSWITHCHG003^category=Cost optimisation")));
        Assert.NotEmpty(starts.GetProperty("result").EnumerateArray());
        Assert.All(starts.GetProperty("result").EnumerateArray(), x => Assert.Equal("Cost optimisation", x.GetProperty("category").GetString()));
        var (_, like) = await fx.GetAsync(Table("incident", "sysparm_fields=short_description&sysparm_query=" + Uri.EscapeDataString("short_descriptionLIKEdisk full")));
        Assert.All(like.GetProperty("result").EnumerateArray(), x => Assert.Contains("disk full", x.GetProperty("short_description").GetString()!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_reference_matches_by_sys_id_or_by_name_and_not_equals_is_its_complement()
    {
        var all = await TotalAsync("incident", "");
        var byName = await TotalAsync("incident", "assignment_group=Service Desk");
        var (_, one) = await fx.GetAsync(Table("incident", "sysparm_limit=1&sysparm_fields=assignment_group&sysparm_exclude_reference_link=true&sysparm_query=" + Uri.EscapeDataString("assignment_group.name=Service Desk")));
        var sysId = one.GetProperty("result")[0].GetProperty("assignment_group").GetString()!;
        Assert.Equal(byName, await TotalAsync("incident", "assignment_group=" + sysId));
        Assert.Equal(all - byName, await TotalAsync("incident", "assignment_group!=Service Desk"));
        Assert.True(byName > 0 && byName < all);
    }

    [Fact]
    public async Task Incidents_point_to_problems_changes_and_parent_incidents_that_exist()
    {
        foreach (var (field, table) in new[] { ("problem_id", "problem"), ("rfc", "change_request"), ("parent", "incident") })
        {
            var (_, body) = await fx.GetAsync(Table("incident", "sysparm_limit=3&sysparm_display_value=all&sysparm_fields=number," + field + "&sysparm_query=" + field + "ISNOTEMPTY"));
            var rows = body.GetProperty("result").EnumerateArray().ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var reference = row.GetProperty(field);
                var (r, target) = await fx.GetAsync(reference.GetProperty("link").GetString()!);
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
                Assert.Equal(reference.GetProperty("display_value").GetString(), target.GetProperty("result").GetProperty("number").GetString());
                Assert.Contains("/api/now/table/" + (field == "parent" ? "task" : table) + "/", reference.GetProperty("link").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Sys_dictionary_lists_the_columns_of_a_table()
    {
        var (_, body) = await fx.GetAsync(Table("sys_dictionary", "sysparm_query=" + Uri.EscapeDataString("name=incident^element=assignment_group")));
        var row = Assert.Single(body.GetProperty("result").EnumerateArray());
        Assert.Equal("reference", row.GetProperty("internal_type").GetString());
        Assert.Equal("sys_user_group", row.GetProperty("reference").GetString());
    }

    [Fact]
    public async Task A_single_row_is_found_by_sys_id_and_a_missing_one_is_404()
    {
        var (_, list) = await fx.GetAsync(Table("incident", "sysparm_limit=1&sysparm_fields=sys_id,number"));
        var sysId = list.GetProperty("result")[0].GetProperty("sys_id").GetString();
        var (r, one) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident/" + sysId);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(list.GetProperty("result")[0].GetProperty("number").GetString(), one.GetProperty("result").GetProperty("number").GetString());
        var (missing, body) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident/" + new string('0', 32));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No Record found", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Writes_through_the_table_api_are_refused()
    {
        var r = await fx.Http.PostAsync(Table("incident", ""), new StringContent("{\"short_description\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        var d = await fx.Http.DeleteAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident/" + new string('0', 32));
        Assert.Equal(HttpStatusCode.Forbidden, d.StatusCode);
    }
}
