using System.Text.Json;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// Records as real instances hold them, through the built CLI over HTTP to the sandbox into real
/// store files: a lone surrogate in a Jira summary and bytes that are not UTF-8 in a ServiceNow
/// field are stored with U+FFFD (exit 0, data quality); records that cannot be read are quarantined
/// with key and page (exit 3); once mended upstream with the same updated time, a plain sync stores
/// them; deletions are found by the instance's clock. The steps build on each other, in name order.
/// </summary>
[TestCaseOrderer("StrategyLayer.Cli.Tests.ByNameOrderer", "StrategyLayer.Cli.Tests")]
public sealed class RecordsEndToEndTests : IClassFixture<SandboxFixture>
{
    private static readonly string Dir = Path.Combine(Path.GetTempPath(), "sl-records-" + Environment.ProcessId);
    private readonly SandboxFixture _fixture;

    public RecordsEndToEndTests(SandboxFixture fixture)
    {
        _fixture = fixture;
        Directory.CreateDirectory(Dir);
        File.WriteAllText(ConfigPath, $$"""
            {
              "store": "garbled.db",
              "logs": "logs",
              "strategy": "strategy.json",
              "rules": "rules.json",
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "{{fixture.Sandbox.JiraCloudUrl}}",
                  "scope": "project in (PAY, WEB, CLOUD, OPS, DATA) ORDER BY updated", "maxRetries": 2 },
                { "name": "servicenow", "type": "servicenow", "baseUrl": "{{fixture.Sandbox.ServiceNowUrl}}",
                  "tables": ["incident", "change_request", "problem"], "maxRetries": 2 }
              ]
            }
            """);
    }

    private static string ConfigPath => Path.Combine(Dir, "strategylayer.json");

    private static string Unreadable => Path.Combine(Dir, "unreadable.db");

    private static async Task<(int ExitCode, JsonDocument Json)> RunJsonAsync(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "--json", "--config", ConfigPath], timeout: TimeSpan.FromMinutes(3));
        Assert.False(result.Stderr.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + result);
        try
        {
            return (result.ExitCode, JsonDocument.Parse(result.Stdout));
        }
        catch (JsonException)
        {
            Assert.Fail("--json printed no document: " + result);
            throw;
        }
    }

    private static IEnumerable<JsonElement> Entries(JsonDocument doc, string source) =>
        doc.RootElement.GetProperty("sources").EnumerateArray().Where(e => e.GetProperty("source").GetString() == source);

    private static List<JsonElement> DataQuality(JsonDocument doc) =>
        [.. doc.RootElement.GetProperty("sources").EnumerateArray().SelectMany(e => e.GetProperty("dataQuality").EnumerateArray())];

    private static long Sum(JsonDocument doc, string source, string count) => Entries(doc, source).Sum(e => e.GetProperty(count).GetInt64());

    private static async Task<string> TitleAsync(string key, string? store = null)
    {
        var (exit, items) = await RunJsonAsync(["items", "--query", $"key = {key}", .. store is null ? Array.Empty<string>() : ["--store", store]]);
        Assert.Equal(0, exit);
        return Assert.Single(items.RootElement.EnumerateArray()).GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task T1_Text_that_cannot_be_read_as_it_came_is_stored_with_U_FFFD_listed_in_data_quality_and_the_sync_exits_0()
    {
        var sandbox = _fixture.Sandbox;
        var counts = sandbox.Counts();
        sandbox.SetBadRecords(["PAY-3", "INC0010002"], []);

        var (exit, doc) = await RunJsonAsync("sync");

        Assert.Equal(0, exit);
        Assert.Equal(counts.Jira, Sum(doc, "jira", "upserted"));
        Assert.Equal(counts.ServiceNow, Sum(doc, "servicenow", "upserted"));
        Assert.Equal(0, Sum(doc, "jira", "quarantined") + Sum(doc, "servicenow", "quarantined"));
        var quality = DataQuality(doc);
        var jira = Assert.Single(quality, d => d.GetProperty("item").GetString() == "jira:PAY-3");
        Assert.Equal("summary", jira.GetProperty("field").GetString());
        Assert.True(jira.GetProperty("page").GetInt32() >= 1);
        Assert.False(jira.GetProperty("quarantined").GetBoolean());
        var sn = Assert.Single(quality, d => d.GetProperty("item").GetString() == "servicenow:INC0010002");
        Assert.Equal("short_description", sn.GetProperty("field").GetString());
        Assert.True(sn.GetProperty("page").GetInt32() >= 1);
        Assert.Contains("not UTF-8", sn.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(" \uFFFD", await TitleAsync("PAY-3"), StringComparison.Ordinal);
        Assert.Contains("\uFFFD", await TitleAsync("INC0010002"), StringComparison.Ordinal);

        var (statusExit, status) = await RunJsonAsync("status");
        Assert.Equal(0, statusExit);
        var listed = status.RootElement.GetProperty("dataQuality").EnumerateArray().ToList();
        Assert.Contains(listed, d => d.GetProperty("item").GetString() == "jira:PAY-3" && d.GetProperty("kind").GetString() == "replacedText" && d.GetProperty("ageSeconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task T2_A_record_that_cannot_be_read_is_quarantined_with_key_and_page_the_rest_stored_and_the_sync_exits_3()
    {
        var sandbox = _fixture.Sandbox;
        var counts = sandbox.Counts();
        sandbox.SetBadRecords(["PAY-3", "INC0010002"], ["PAY-5", "INC0010003"]);

        var (exit, doc) = await RunJsonAsync("sync", "--store", Unreadable);

        Assert.Equal(3, exit);
        Assert.Equal(counts.Jira - 1, Sum(doc, "jira", "upserted"));
        Assert.Equal(counts.ServiceNow - 1, Sum(doc, "servicenow", "upserted"));
        Assert.Equal(1, Sum(doc, "jira", "quarantined"));
        Assert.Equal(1, Sum(doc, "servicenow", "quarantined"));
        var quarantined = DataQuality(doc).Where(d => d.GetProperty("quarantined").GetBoolean()).ToList();
        Assert.Equal(["jira:PAY-5", "servicenow:INC0010003"], quarantined.Select(d => d.GetProperty("item").GetString()).Order(StringComparer.Ordinal));
        Assert.All(quarantined, d => Assert.True(d.GetProperty("page").GetInt32() >= 1));
        Assert.All(doc.RootElement.GetProperty("sources").EnumerateArray(), e => Assert.Equal(JsonValueKind.Null, e.GetProperty("error").ValueKind));
    }

    [Fact]
    public async Task T3_Once_mended_upstream_with_the_same_updated_time_a_plain_sync_stores_them_and_exits_0()
    {
        _fixture.Sandbox.SetBadRecords([], []);

        var (exit, doc) = await RunJsonAsync("sync");
        Assert.Equal(0, exit);
        Assert.Equal(2, Sum(doc, "jira", "healed") + Sum(doc, "servicenow", "healed"));
        Assert.Empty(DataQuality(doc));
        Assert.DoesNotContain("\uFFFD", await TitleAsync("PAY-3"), StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", await TitleAsync("INC0010002"), StringComparison.Ordinal);

        var (unreadableExit, unreadable) = await RunJsonAsync("sync", "--store", Unreadable);
        Assert.Equal(0, unreadableExit);
        Assert.Equal(4, Sum(unreadable, "jira", "healed") + Sum(unreadable, "servicenow", "healed"));
        Assert.DoesNotContain("\uFFFD", await TitleAsync("PAY-5", Unreadable), StringComparison.Ordinal);
        Assert.DoesNotContain("\uFFFD", await TitleAsync("INC0010003", Unreadable), StringComparison.Ordinal);

        var (_, status) = await RunJsonAsync("status", "--store", Unreadable);
        Assert.Empty(status.RootElement.GetProperty("dataQuality").EnumerateArray());
        Assert.All(status.RootElement.GetProperty("sources").EnumerateArray(), s => Assert.Equal(0, s.GetProperty("quarantined").GetInt32()));
    }

    [Fact]
    public async Task T4_Deletions_recorded_by_an_instance_whose_clock_is_days_behind_ours_are_found_by_a_plain_sync()
    {
        // The sandbox's clock starts at its generator's "now", not this machine's.
        _fixture.Sandbox.AdvanceClock(TimeSpan.FromMinutes(5));
        var deleted = _fixture.Sandbox.Delete(3, Sandbox.SandboxSource.ServiceNow);

        var (exit, doc) = await RunJsonAsync("sync");

        Assert.Equal(0, exit);
        Assert.Equal(deleted.Count, Sum(doc, "servicenow", "deleted"));
    }

    [Fact]
    public async Task T5_A_source_that_cannot_be_reached_costs_only_itself_and_json_still_prints_its_document()
    {
        var config = Path.Combine(Dir, "with-a-dead-source.json");
        File.WriteAllText(config, File.ReadAllText(ConfigPath)
            .Replace("\"store\": \"garbled.db\"", "\"store\": \"dead.db\"", StringComparison.Ordinal)
            .Replace("\"sources\": [", "\"sources\": [ { \"name\": \"dead\", \"type\": \"jira-cloud\", \"baseUrl\": \"http://127.0.0.1:9/jira\", \"scope\": \"project = X\", \"maxRetries\": 0 },", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(["sync", "--json", "--config", config], timeout: TimeSpan.FromMinutes(3));

        Assert.Equal(3, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Contains("could not reach", Entries(doc, "dead").Single().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(_fixture.Sandbox.Counts().Jira, Sum(doc, "jira", "upserted"));
        Assert.True(Sum(doc, "servicenow", "upserted") > 0);
    }
}
