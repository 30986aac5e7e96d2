using System.Net;

namespace StrategyLayer.Sandbox.Tests;

/// <summary>Pages the whole of <c>medium</c> through every API after edits, deletions and moves.</summary>
public class MediumPagingTests(MediumPagingTests.Fixture fx) : IClassFixture<MediumPagingTests.Fixture>
{
    public class Fixture : SandboxFixture
    {
        // Pinned: a search below names the generator's now.
        protected override SandboxOptions Options => new() { Size = "medium", Seed = 2026, Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero) };

        public IReadOnlyList<string> Deleted { get; private set; } = [];

        public IReadOnlyList<SandboxMove> Moved { get; private set; } = [];

        public IReadOnlyList<string> Edited { get; private set; } = [];

        public SandboxCounts Counts { get; private set; } = null!;

        public async Task<SandboxCounts> PrepareAsync()
        {
            await Gate.WaitAsync();
            try
            {
                if (Counts is null)
                {
                    Deleted = Sandbox.Delete(400);
                    Moved = Sandbox.MoveOutOfScope(60);
                    Edited = Sandbox.Edit(0.05);
                    Counts = Sandbox.Counts();
                }

                return Counts;
            }
            finally
            {
                Gate.Release();
            }
        }

        private SemaphoreSlim Gate { get; } = new(1, 1);
    }

    private const int Items = 50_000;

    [Fact]
    public async Task Jira_cloud_pages_every_issue_exactly_once_with_deletions_and_moves_applied()
    {
        var counts = await fx.PrepareAsync();
        var ids = new HashSet<string>();
        string? token = null;
        do
        {
            var (r, body) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql",
                new { jql = "project in (PAY, WEB, CLOUD, OPS, DATA, ARCH) ORDER BY id ASC", maxResults = 5000, fields = new[] { "id" }, nextPageToken = token });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            foreach (var issue in body.GetProperty("issues").EnumerateArray())
            {
                Assert.True(ids.Add(issue.GetProperty("id").GetString()!));
            }

            token = body.TryGetProperty("nextPageToken", out var t) ? t.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(counts.Jira, ids.Count);
        Assert.Equal(35_000 - fx.Deleted.Count(k => !IsServiceNow(k)), ids.Count);
        Assert.Equal(fx.Moved.Count, counts.JiraProjects["ARCH"]);

        var (_, changed) = await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/approximate-count",
            new { jql = "project in (PAY, WEB, CLOUD, OPS, DATA, ARCH) and updated >= \"2026-11-20 12:00\"" });
        var movedKeys = fx.Moved.Select(m => m.NewKey);
        Assert.Equal(fx.Edited.Where(k => !IsServiceNow(k)).Union(movedKeys).Count(), changed.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Jira_data_center_pages_every_issue_by_id_windows_under_the_result_window()
    {
        var counts = await fx.PrepareAsync();
        var keys = new HashSet<string>();
        var lastId = 0L;
        while (true)
        {
            var (r, body) = await fx.GetAsync(fx.Sandbox.JiraDataCenterUrl + "/rest/api/2/search?fields=key&maxResults=5000&startAt=0&jql=" + Uri.EscapeDataString("id > " + lastId + " ORDER BY id ASC"));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(1000, body.GetProperty("maxResults").GetInt32());
            var issues = body.GetProperty("issues").EnumerateArray().ToList();
            if (issues.Count == 0)
            {
                break;
            }

            foreach (var issue in issues)
            {
                Assert.True(keys.Add(issue.GetProperty("key").GetString()!));
            }

            lastId = long.Parse(issues[^1].GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(counts.Jira, keys.Count);
    }

    [Theory]
    [InlineData("incident")]
    [InlineData("change_request")]
    [InlineData("problem")]
    public async Task Each_servicenow_table_pages_every_row_exactly_once(string table)
    {
        var counts = await fx.PrepareAsync();
        var ids = new HashSet<string>();
        for (var offset = 0; ; offset += 2000)
        {
            var (r, body) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/" + table + "?sysparm_fields=sys_id&sysparm_limit=2000&sysparm_offset=" + offset + "&sysparm_query=ORDERBYsys_id");
            Assert.Equal(counts.ServiceNowTables[table].ToString(System.Globalization.CultureInfo.InvariantCulture), r.Headers.GetValues("X-Total-Count").Single());
            var rows = body.GetProperty("result").EnumerateArray().ToList();
            foreach (var row in rows)
            {
                Assert.True(ids.Add(row.GetProperty("sys_id").GetString()!));
            }

            if (rows.Count < 2000)
            {
                break;
            }
        }

        Assert.Equal(counts.ServiceNowTables[table], ids.Count);
        var prefix = table switch { "incident" => "INC", "change_request" => "CHG", _ => "PRB" };
        var (_, audit) = await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/sys_audit_delete?sysparm_fields=documentkey&sysparm_query=tablename=" + table);
        Assert.Equal(fx.Deleted.Count(k => k.StartsWith(prefix, StringComparison.Ordinal)), audit.GetProperty("result").GetArrayLength());
        Assert.DoesNotContain(audit.GetProperty("result").EnumerateArray(), a => ids.Contains(a.GetProperty("documentkey").GetString()!));
    }

    [Fact]
    public async Task All_items_add_up_to_the_generated_size()
    {
        var counts = await fx.PrepareAsync();
        Assert.Equal(Items - fx.Deleted.Count, counts.Jira + counts.ServiceNow);
        Assert.Equal(fx.Deleted.Count, counts.Deleted);
    }

    [Fact]
    public async Task The_request_log_shows_nothing_but_reads()
    {
        await fx.PrepareAsync();
        await fx.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_limit=1");
        await fx.PostJsonAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/search/jql", new { jql = "project = PAY", maxResults = 1 });
        var log = fx.Sandbox.Requests;
        Assert.NotEmpty(log);
        string[] readPosts = ["/rest/api/3/search/jql", "/rest/api/3/search/approximate-count", "/rest/api/3/issue/bulkfetch", "/rest/api/2/search", "/oauth_token.do"];
        Assert.All(log, r => Assert.True(r.Method == "GET" || (r.Method == "POST" && readPosts.Any(p => r.Path.EndsWith(p, StringComparison.Ordinal))), r.Method + " " + r.Path));
    }

    private static bool IsServiceNow(string key) => key.StartsWith("INC", StringComparison.Ordinal) || key.StartsWith("CHG", StringComparison.Ordinal) || key.StartsWith("PRB", StringComparison.Ordinal);
}
