using System.Net;
using System.Text.Json;
using StrategyLayer.Web.Tests.Support;

namespace StrategyLayer.Web.Tests;

public sealed class ApiTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    private const int Stored = 9 + 4 + 123 + 1;

    [Fact]
    public async Task Items_are_paged_server_side_with_the_total_of_all_matches()
    {
        var first = await Json("/api/items?offset=0&limit=10");
        var last = await Json($"/api/items?offset={Stored - 3}&limit=10");

        Assert.Equal(Stored, first.GetProperty("total").GetInt32());
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal(Stored, last.GetProperty("total").GetInt32());
        Assert.Equal(3, last.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_together_cover_every_item_once()
    {
        var ids = new List<string>();
        for (var offset = 0; offset < Stored; offset += 40)
        {
            var page = await Json($"/api/items?offset={offset}&limit=40");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
        }

        Assert.Equal(Stored, ids.Count);
        Assert.Equal(Stored, ids.Distinct().Count());
    }

    [Fact]
    public async Task Items_carry_the_cli_item_shape_with_untracked_ones_first()
    {
        var page = await Json("/api/items?team=PAY&limit=10");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal("jira:PAY-4", items[0].GetProperty("id").GetString());
        Assert.True(items[0].GetProperty("untracked").GetBoolean());
        var child = items.Single(i => i.GetProperty("id").GetString() == "jira:PAY-2");
        Assert.Equal("issue", child.GetProperty("kind").GetString());
        Assert.Equal("inprogress", child.GetProperty("category").GetString());
        Assert.Equal("M-PCI-TOKEN", child.GetProperty("measure").GetString());
        Assert.Equal(JsonValueKind.Null, child.GetProperty("rule").ValueKind);
        Assert.Equal("inherited", child.GetProperty("decidedBy").GetProperty("kind").GetString());
        Assert.Equal("jira:PAY-1", child.GetProperty("decidedBy").GetProperty("via")[0].GetString());
    }

    [Fact]
    public async Task A_query_in_the_rule_language_filters_the_list()
    {
        var page = await Json("/api/items?q=" + Uri.EscapeDataString("project = PAY and labels in (pci)"));

        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["jira:PAY-1", "jira:PAY-5"], ids);
    }

    [Fact]
    public async Task A_bad_query_is_a_400_naming_the_column()
    {
        using var response = await server.Client.GetAsync("/api/items?q=" + Uri.EscapeDataString("status != Done and labels in pci"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("column").GetInt32() > 1);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Explain_returns_every_rule_and_the_inherited_path()
    {
        var explain = await Json("/api/items/" + Uri.EscapeDataString("jira:PAY-2") + "/explain");

        Assert.Equal("jira:PAY-2", explain.GetProperty("id").GetString());
        Assert.Equal("M-PCI-TOKEN", explain.GetProperty("measure").GetString());
        Assert.Equal("inherited", explain.GetProperty("decidedBy").GetProperty("kind").GetString());
        Assert.Equal("pci-tokenization", explain.GetProperty("decidedBy").GetProperty("rule").GetString());
        var candidates = explain.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(server.Demo.Rules.Rules.Count, candidates.Count);
        Assert.All(candidates, c => Assert.False(c.GetProperty("matched").GetBoolean()));
        Assert.Contains(candidates, c => c.GetProperty("failedAt").ValueKind == JsonValueKind.Object);
        Assert.Equal(JsonValueKind.Object, explain.GetProperty("fields").ValueKind);
    }

    [Fact]
    public async Task Explaining_an_unknown_item_is_a_404()
    {
        using var response = await server.Client.GetAsync("/api/items/jira%3ANOPE-1/explain");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Status_describes_the_store_like_status_json()
    {
        var status = await Json("/api/status");

        var sources = status.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["jira", "servicenow"], sources.Select(s => s.GetProperty("source").GetString()));
        Assert.Equal(Stored - 1, sources[0].GetProperty("items").GetInt32());
        var share = status.GetProperty("untrackedShare").GetDouble();
        Assert.InRange(share, 0.01, 0.2);
        var run = status.GetProperty("runs")[0];
        Assert.Equal("sync", run.GetProperty("job").GetString());
        Assert.Equal("succeeded", run.GetProperty("outcome").GetString());
        Assert.Equal(137, run.GetProperty("counts").GetProperty("fetched").GetInt32());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("scheduledFor").ValueKind);
        Assert.True(run.GetProperty("finished").GetDateTimeOffset() >= run.GetProperty("started").GetDateTimeOffset());
        Assert.Equal(TimeSpan.Zero, run.GetProperty("started").GetDateTimeOffset().Offset);
        Assert.Equal(JsonValueKind.Array, status.GetProperty("outbox").ValueKind);
    }

    private async Task<JsonElement> Json(string path)
    {
        using var response = await server.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
