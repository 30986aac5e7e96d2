using System.Text.Json;
using StrategyLayer.Connectors.ServiceNow.Tests.Support;
using StrategyLayer.Domain.Items;
using Xunit;

namespace StrategyLayer.Connectors.ServiceNow.Tests;

public class NormalizationTests(ServiceNowServer sn) : ServiceNowServerTests(sn)
{
    private async Task<WorkItem> ReadOneAsync(string table, FakeRow row, Contract.SourceSettings? settings = null)
    {
        Sn.Instance.Add(table, row);
        await using var source = ServiceNowServer.Source(settings ?? Sn.Settings(tables: [table]));
        var pages = await Collect.PagesAsync(source, table);
        return Assert.Single(pages.SelectMany(p => p.Records)).Item;
    }

    [Fact]
    public async Task An_incident_keeps_values_and_labels_and_empty_references_read_as_absent()
    {
        var row = FakeRow.Task("9d385017c611228701d22104cc95c371", "INC0010001", "2026-11-18 09:15:00", "2", "In Progress")
            .Set("short_description", "Card vault <script>alert('x')</script> timeouts")
            .Set("description", "Café façade — 東京 rollout ✓")
            .Set("priority", "1", "1 - Critical")
            .Set("impact", "1", "1 - High")
            .Set("urgency", "2", "2 - Medium")
            .Set("category", "software", "Software")
            .Set("assignment_group", "g1", "Service Desk")
            .Set("assigned_to", "u1", "Beth Anglin")
            .Set("cmdb_ci", "ci1", "card-vault")
            .Set("business_service", "", "")
            .Set("problem_id", "p1", "PRB0040001")
            .Set("rfc", "c1", "CHG0030002")
            .Set("parent", "", "")
            .Set("parent_incident", "i0", "INC0010000")
            .Set("resolved_at", "")
            .Set("due_date", "2026-12-01 00:00:00");

        var item = await ReadOneAsync("incident", row);

        Assert.Equal("servicenow", item.Source);
        Assert.Equal("9d385017c611228701d22104cc95c371", item.SourceId);
        Assert.Equal("servicenow:INC0010001", item.Id);
        Assert.Equal(WorkItemKind.Incident, item.Kind);
        Assert.Equal("incident", item.Table);
        Assert.Equal("incident", item.Project);
        Assert.Equal("Card vault <script>alert('x')</script> timeouts", item.Title);
        Assert.Equal("Café façade — 東京 rollout ✓", item.Description);
        Assert.Equal("In Progress", item.Status);
        Assert.Equal("2", item.StatusCode);
        Assert.Equal(StatusCategory.InProgress, item.Category);
        Assert.Equal("1 - Critical", item.Priority);
        Assert.Equal(1, item.PriorityRank);
        Assert.Equal("Service Desk", item.Team);
        Assert.Equal("Beth Anglin", item.Assignee);
        Assert.Equal("Software", item.Type);
        Assert.Equal("INC0010000", item.Parent);
        Assert.Equal([new ItemLink("problem", "PRB0040001"), new ItemLink("change", "CHG0030002")], item.Links);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero), item.Created);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 9, 15, 0, TimeSpan.Zero), item.Updated);
        Assert.Null(item.Resolved);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), item.Due);
        Assert.Equal("card-vault", item.Fields["cmdb_ci"]);
        Assert.Null(item.Fields["business_service"]);
        Assert.Equal("1 - High", item.Fields["impact"]);
        Assert.Equal("2 - Medium", item.Fields["urgency"]);
        Assert.Equal($"{Sn.Server.Url}/incident.do?sys_id=9d385017c611228701d22104cc95c371", item.BrowseUrl);
    }

    [Fact]
    public async Task The_raw_json_is_the_record_as_served()
    {
        Sn.Instance.Add("incident", FakeRow.Task("a1", "INC0000001", "2026-11-18 09:15:00").Set("assigned_to", "", "").Set("short_description", "Café — 東京 ✓"));
        await using var source = ServiceNowServer.Source(Sn.Settings());

        var record = Assert.Single((await Collect.PagesAsync(source, "incident")).SelectMany(p => p.Records));

        using var doc = JsonDocument.Parse(record.RawJson);
        Assert.Equal("INC0000001", doc.RootElement.GetProperty("number").GetProperty("value").GetString());
        Assert.Equal("Café — 東京 ✓", doc.RootElement.GetProperty("short_description").GetProperty("display_value").GetString());
        Assert.Equal("2 - High", doc.RootElement.GetProperty("priority").GetProperty("display_value").GetString());
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("assigned_to").ValueKind);
    }

    [Fact]
    public async Task Configured_extra_fields_and_team_field_are_requested_and_kept_as_display_values()
    {
        var settings = Sn.Settings() with
        {
            TeamField = "u_squad",
            Fields = new Dictionary<string, string> { ["contract"] = "u_contract" },
        };
        var row = FakeRow.Task("a1", "INC0000001", "2026-11-18 09:15:00")
            .Set("u_squad", "s1", "Payments Support")
            .Set("u_contract", "k1", "ACME-2026");

        var item = await ReadOneAsync("incident", row, settings);

        Assert.Equal("Payments Support", item.Team);
        Assert.Equal("ACME-2026", item.Fields["contract"]);
        var fields = Sn.Server.LogEntries.First().RequestMessage.Query!["sysparm_fields"].Single().Split(',');
        Assert.Contains("u_squad", fields);
        Assert.Contains("u_contract", fields);
    }

    [Theory]
    [InlineData("incident", "1", StatusCategory.ToDo)]
    [InlineData("incident", "2", StatusCategory.InProgress)]
    [InlineData("incident", "3", StatusCategory.InProgress)]
    [InlineData("incident", "6", StatusCategory.Done)]
    [InlineData("incident", "7", StatusCategory.Done)]
    [InlineData("incident", "8", StatusCategory.Cancelled)]
    [InlineData("change_request", "-5", StatusCategory.ToDo)]
    [InlineData("change_request", "-4", StatusCategory.ToDo)]
    [InlineData("change_request", "-3", StatusCategory.ToDo)]
    [InlineData("change_request", "-2", StatusCategory.ToDo)]
    [InlineData("change_request", "-1", StatusCategory.InProgress)]
    [InlineData("change_request", "0", StatusCategory.InProgress)]
    [InlineData("change_request", "3", StatusCategory.Done)]
    [InlineData("change_request", "4", StatusCategory.Cancelled)]
    [InlineData("problem", "101", StatusCategory.ToDo)]
    [InlineData("problem", "102", StatusCategory.InProgress)]
    [InlineData("problem", "103", StatusCategory.InProgress)]
    [InlineData("problem", "104", StatusCategory.InProgress)]
    [InlineData("problem", "106", StatusCategory.Done)]
    [InlineData("problem", "107", StatusCategory.Done)]
    public async Task A_state_code_maps_to_its_tables_status_category(string table, string code, StatusCategory expected)
    {
        var item = await ReadOneAsync(table, FakeRow.Task("s" + code, "X" + code, "2026-11-18 09:15:00", code, "State " + code));

        Assert.Equal(expected, item.Category);
        Assert.Equal(code, item.StatusCode);
        Assert.Equal("State " + code, item.Status);
    }

    [Theory]
    [InlineData("incident", WorkItemKind.Incident)]
    [InlineData("change_request", WorkItemKind.Change)]
    [InlineData("problem", WorkItemKind.Problem)]
    [InlineData("sc_req_item", WorkItemKind.Request)]
    public async Task The_kind_follows_the_table(string table, WorkItemKind kind)
    {
        var item = await ReadOneAsync(table, FakeRow.Task("k1", "K1", "2026-11-18 09:15:00"));

        Assert.Equal(kind, item.Kind);
        Assert.Equal(table, item.Table);
        Assert.EndsWith($"/{table}.do?sys_id=k1", item.BrowseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_state_of_an_inactive_record_counts_as_done()
    {
        var item = await ReadOneAsync("sc_req_item", FakeRow.Task("r1", "RITM0001", "2026-11-18 09:15:00", "9", "Fulfilled").Set("active", "false"));

        Assert.Equal(StatusCategory.Done, item.Category);
    }

    [Fact]
    public async Task A_change_takes_its_planned_end_as_due_and_its_close_time_as_resolved()
    {
        var row = FakeRow.Task("c1", "CHG0030001", "2026-11-18 09:15:00", "3", "Closed")
            .Set("end_date", "2026-11-10 18:00:00")
            .Set("closed_at", "2026-11-11 07:00:00")
            .Set("close_code", "successful", "Successful")
            .Set("category", "Cost optimisation", "Cost optimisation");

        var item = await ReadOneAsync("change_request", row);

        Assert.Equal(new DateTimeOffset(2026, 11, 10, 18, 0, 0, TimeSpan.Zero), item.Due);
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 7, 0, 0, TimeSpan.Zero), item.Resolved);
        Assert.Equal("Successful", item.Fields["close_code"]);
        Assert.Equal("Cost optimisation", item.Type);
        Assert.Equal(StatusCategory.Done, item.Category);
    }

    [Fact]
    public async Task A_malformed_record_is_quarantined_with_its_reason_and_the_rest_go_on()
    {
        Sn.Instance.Add("incident", FakeRow.Task("a1", "INC0000001", "2026-11-18 09:00:00"));
        Sn.Instance.Add("incident", FakeRow.Task("a2", "INC0000002", "2026-11-18 09:00:01").Set("opened_at", "yesterday-ish"));
        Sn.Instance.Add("incident", FakeRow.Task("a3", "", "2026-11-18 09:00:02"));
        Sn.Instance.Add("incident", FakeRow.Task("a4", "INC0000004", "2026-11-18 09:00:03"));
        await using var source = ServiceNowServer.Source(Sn.Settings(pageSize: 10));

        var page = Assert.Single(await Collect.PagesAsync(source, "incident"));

        Assert.Equal(["INC0000001", "INC0000004"], page.Records.Select(r => r.Item.Key));
        Assert.Equal(2, page.Quarantined.Count);
        var badDate = page.Quarantined.Single(q => q.SourceId == "a2");
        Assert.Equal("INC0000002", badDate.Key);
        Assert.Equal("incident", badDate.Partition);
        Assert.Contains("opened_at", badDate.Reason, StringComparison.Ordinal);
        Assert.Contains("yesterday-ish", badDate.RawJson, StringComparison.Ordinal);
        Assert.Equal(1, badDate.Page);
        var noNumber = page.Quarantined.Single(q => q.SourceId == "a3");
        Assert.Equal("table incident, page 1: no number", noNumber.Reason);
        Assert.Equal(1, noNumber.Page);
        Assert.Equal("a4", page.Cursor.LastId);
    }
}
