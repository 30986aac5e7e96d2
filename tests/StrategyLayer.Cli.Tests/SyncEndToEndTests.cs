using System.Text.Json;
using StrategyLayer.Cli.Tests.Engines;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// <c>sync</c> as a user runs it: the built CLI in its own process, over real HTTP to the sandbox
/// (Jira Cloud, Jira Data Center and ServiceNow), into a real store file. The tests run in order
/// on one sandbox because they change it (edits, deletions), once on each store engine.
/// </summary>
[TestCaseOrderer("StrategyLayer.Cli.Tests.ByNameOrderer", "StrategyLayer.Cli.Tests")]
public abstract class SyncEndToEndTests<TEngine>(SandboxFixture fixture, TEngine engine) : IAsyncLifetime
    where TEngine : StoreEngine
{
    // Static per engine (a generic type's statics are per closed type): the tests run in order on one store.
    private static readonly string Dir = Path.Combine(Path.GetTempPath(), "sl-e2e-" + typeof(TEngine).Name + "-" + Environment.ProcessId);
    private static string? _store;
    private readonly SandboxFixture _fixture = fixture;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Dir, "templates"));
        File.WriteAllText(Path.Combine(Dir, "templates", "portfolio-pack.sbn"), "x");
        _store ??= await engine.NewStoreAsync(Dir);
        File.WriteAllText(ConfigPath, $$"""
            {
              "store": "{{_store}}",
              "logs": "logs",
              "strategy": "strategy.json",
              "rules": "rules.json",
              "templates": "templates",
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "{{_fixture.Sandbox.JiraCloudUrl}}",
                  "scope": "project in (PAY, WEB, CLOUD, OPS, DATA) ORDER BY updated", "maxRetries": 3 },
                { "name": "dc", "type": "jira-datacenter", "baseUrl": "{{_fixture.Sandbox.JiraDataCenterUrl}}",
                  "scope": "project = PAY", "maxRetries": 3 },
                { "name": "servicenow", "type": "servicenow", "baseUrl": "{{_fixture.Sandbox.ServiceNowUrl}}",
                  "tables": ["incident", "change_request", "problem"], "maxRetries": 3 }
              ]
            }
            """);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string ConfigPath => Path.Combine(Dir, "strategylayer.json");

    private static async Task<JsonDocument> SyncJsonAsync(params string[] extra)
    {
        var result = await CliRunner.RunAsync(["sync", "--json", "--config", ConfigPath, .. extra], timeout: TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout);
    }

    private static JsonElement Entry(JsonDocument doc, string source, string? table = null) =>
        doc.RootElement.GetProperty("sources").EnumerateArray().Single(e =>
            e.GetProperty("source").GetString() == source
            && (table is null || e.GetProperty("table").GetString() == table));

    [Fact]
    public async Task T1_A_first_sync_fetches_and_stores_exactly_what_each_api_holds()
    {
        var counts = _fixture.Sandbox.Counts();

        using var doc = await SyncJsonAsync();

        var jira = Entry(doc, "jira");
        Assert.Equal(counts.Jira, jira.GetProperty("fetched").GetInt64());
        Assert.Equal(counts.Jira, jira.GetProperty("upserted").GetInt64());
        Assert.Equal(0, jira.GetProperty("quarantined").GetInt64());
        Assert.Equal(counts.JiraProjects["PAY"], Entry(doc, "dc").GetProperty("upserted").GetInt64());
        foreach (var table in new[] { "incident", "change_request", "problem" })
        {
            Assert.Equal(counts.ServiceNowTables[table], Entry(doc, "servicenow", table).GetProperty("upserted").GetInt64());
        }
    }

    [Fact]
    public async Task T2_A_second_sync_with_nothing_changed_upserts_nothing()
    {
        using var doc = await SyncJsonAsync();

        Assert.All(doc.RootElement.GetProperty("sources").EnumerateArray(), e => Assert.Equal(0, e.GetProperty("upserted").GetInt64()));
        Assert.All(doc.RootElement.GetProperty("sources").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("cursor").GetString())));
    }

    [Fact]
    public async Task T3_Upstream_edits_and_deletions_show_in_the_next_full_sync()
    {
        var sandbox = _fixture.Sandbox;
        sandbox.AdvanceClock(TimeSpan.FromMinutes(30));
        var edited = sandbox.Edit(0.02, Sandbox.SandboxSource.Jira);
        var deleted = sandbox.Delete(4, Sandbox.SandboxSource.Jira);
        var deletedSn = sandbox.Delete(3, Sandbox.SandboxSource.ServiceNow);

        using var doc = await SyncJsonAsync("--full");

        var jira = Entry(doc, "jira");
        Assert.Equal(edited.Except(deleted).Count(), jira.GetProperty("upserted").GetInt64());
        Assert.Equal(deleted.Count, jira.GetProperty("deleted").GetInt64());
        var snDeleted = doc.RootElement.GetProperty("sources").EnumerateArray()
            .Where(e => e.GetProperty("source").GetString() == "servicenow").Sum(e => e.GetProperty("deleted").GetInt64());
        Assert.Equal(deletedSn.Count, snDeleted);
    }

    [Fact]
    public async Task T4_Status_shows_what_the_syncs_stored()
    {
        var result = await CliRunner.RunAsync(["status", "--json", "--config", ConfigPath]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var jira = doc.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "jira");
        Assert.Equal(_fixture.Sandbox.Counts().Jira, jira.GetProperty("items").GetInt32());
        Assert.True(jira.GetProperty("ageSeconds").GetInt64() >= 0);
        Assert.Contains(doc.RootElement.GetProperty("runs").EnumerateArray(), r => r.GetProperty("job").GetString() == "sync");
    }

    [Fact]
    public void T5_The_connectors_sent_nothing_but_reads()
    {
        var requests = _fixture.Sandbox.Requests;

        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.True(
            r.Method == "GET" || (r.Method == "POST" && (r.Path.EndsWith("/search/jql", StringComparison.Ordinal) || r.Path.EndsWith("/search", StringComparison.Ordinal)
                || r.Path.EndsWith("/issue/bulkfetch", StringComparison.Ordinal) || r.Path.EndsWith("/search/approximate-count", StringComparison.Ordinal)
                || r.Path.EndsWith("/oauth_token.do", StringComparison.Ordinal))),
            $"{r.Method} {r.Path} is not a read"));
    }
}
