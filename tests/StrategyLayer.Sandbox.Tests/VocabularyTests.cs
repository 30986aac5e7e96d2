using System.Text.Json;

namespace StrategyLayer.Sandbox.Tests;

/// <summary>The generated data keeps to the names config/demo-data.md promises.</summary>
public class VocabularyTests(SandboxFixture fx) : IClassFixture<SandboxFixture>
{
    private async Task<List<JsonElement>> AllIssuesAsync()
    {
        var issues = new List<JsonElement>();
        string? token = null;
        do
        {
            var (_, body) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql",
                new { jql = "project in (PAY, WEB, CLOUD, OPS, DATA)", maxResults = 100, fields = new[] { "summary", "status", "issuetype", "labels", "components", "project", "resolution", "priority" }, nextPageToken = token });
            issues.AddRange(body.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("fields")));
            token = body.TryGetProperty("nextPageToken", out var t) ? t.GetString() : null;
        }
        while (token is not null);
        return issues;
    }

    private static HashSet<string> Names(IEnumerable<JsonElement> issues, string field) =>
        [.. issues.Select(i => i.GetProperty(field)).Where(v => v.ValueKind == JsonValueKind.Object).Select(v => v.TryGetProperty("key", out var k) && field == "project" ? k.GetString()! : v.GetProperty("name").GetString()!)];

    [Fact]
    public async Task Jira_issues_use_exactly_the_documented_projects_statuses_types_labels_and_components()
    {
        var issues = await AllIssuesAsync();
        Assert.Equal(fx.Sandbox.Counts().Jira, issues.Count);
        Assert.Equal(new HashSet<string> { "PAY", "WEB", "CLOUD", "OPS", "DATA" }, Names(issues, "project"));
        Assert.Equal(new HashSet<string> { "To Do", "In Progress", "In Review", "Blocked", "Done" }, Names(issues, "status"));
        Assert.Equal(new HashSet<string> { "Epic", "Story", "Task", "Bug", "Sub-task" }, Names(issues, "issuetype"));
        Assert.Equal(new HashSet<string> { "Highest", "High", "Medium", "Low", "Lowest" }, Names(issues, "priority"));
        Assert.Subset(new HashSet<string> { "Done", "Won't Do", "Duplicate" }, Names(issues, "resolution"));
        string[] labels = ["pci", "tokenization", "sox", "migration", "aws", "landing-zone", "cost", "finops", "selfservice", "chatbot", "knowledge", "observability", "techdebt", "ux"];
        Assert.Equal(labels.ToHashSet(), issues.SelectMany(i => i.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)).ToHashSet());
        string[] components = ["Card Vault", "Checkout", "Landing Zone", "Kubernetes", "Portal", "Billing", "Monitoring"];
        Assert.Equal(components.ToHashSet(), issues.SelectMany(i => i.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)).ToHashSet());
        Assert.Contains(issues, i => i.GetProperty("summary").GetString()!.Contains("東京", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.GetProperty("summary").GetString()!.Contains("<script>", StringComparison.Ordinal) || i.GetProperty("summary").GetString()!.Contains("<img", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Servicenow_rows_use_the_documented_groups_categories_and_states()
    {
        var (_, incidents) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_display_value=true&sysparm_exclude_reference_link=true&sysparm_fields=assignment_group,category,state,cmdb_ci");
        var rows = incidents.GetProperty("result").EnumerateArray().ToList();
        Assert.Equal(new HashSet<string> { "Service Desk", "Network Ops", "Database Admins", "Cloud Ops", "Payments Support" }, rows.Select(r => r.GetProperty("assignment_group").GetString()!).ToHashSet());
        Assert.Subset(new HashSet<string> { "New", "In Progress", "On Hold", "Resolved", "Closed", "Canceled" }, rows.Select(r => r.GetProperty("state").GetString()!).ToHashSet());
        Assert.Subset(new HashSet<string> { "payments-api", "card-vault", "core-banking", "k8s-prod-eu", "crm", "data-lake" }, rows.Select(r => r.GetProperty("cmdb_ci").GetString()!).ToHashSet());
        var (_, changes) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/change_request?sysparm_fields=category,assignment_group&sysparm_display_value=true&sysparm_exclude_reference_link=true&sysparm_query=" + Uri.EscapeDataString("assignment_group.name=Cloud Ops^category=Cost optimisation"));
        Assert.NotEmpty(changes.GetProperty("result").EnumerateArray());
        var (_, problems) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/problem?sysparm_fields=state&sysparm_query=" + Uri.EscapeDataString("assignment_group.name=Database Admins"));
        Assert.NotEmpty(problems.GetProperty("result").EnumerateArray());
        Assert.All(problems.GetProperty("result").EnumerateArray(), p => Assert.InRange(int.Parse(p.GetProperty("state").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 101, 107));
    }
}
