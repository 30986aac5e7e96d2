using System.Text.Json;
using StrategyLayer.Store.LiteDb;
using Xunit;

namespace StrategyLayer.Cli.Tests;

public sealed class StatusVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-status-" + Guid.NewGuid().ToString("N")[..8]);

    public StatusVerbTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "templates"));
        File.WriteAllText(Path.Combine(_dir, "templates", "portfolio-pack.sbn"), "x");
        File.WriteAllText(Path.Combine(_dir, "strategylayer.json"), """
            {
              "store": "data/store.db",
              "strategy": "strategy.json",
              "rules": "rules.json",
              "templates": "templates",
              "logs": "logs",
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "http://127.0.0.1:9/jira", "scope": "project = PAY" },
                { "name": "servicenow", "type": "servicenow", "baseUrl": "http://127.0.0.1:9/sn" }
              ]
            }
            """);
    }

    private string Config => Path.Combine(_dir, "strategylayer.json");

    [Fact]
    public async Task Status_json_on_an_empty_store_prints_zero_counts_for_every_configured_source()
    {
        var result = await CliRunner.RunAsync(["status", "--json", "--config", Config]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var sources = doc.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["jira", "servicenow"], sources.Select(s => s.GetProperty("source").GetString()));
        Assert.All(sources, s => Assert.Equal(0, s.GetProperty("items").GetInt32()));
        Assert.All(sources, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("lastSync").ValueKind));
        Assert.Equal(0, doc.RootElement.GetProperty("untrackedShare").GetDouble());
        Assert.Empty(doc.RootElement.GetProperty("outbox").EnumerateArray());
        Assert.Empty(doc.RootElement.GetProperty("runs").EnumerateArray());
    }

    [Fact]
    public async Task A_second_process_is_refused_at_once_naming_the_holder_of_the_store()
    {
        var storePath = Path.Combine(_dir, "held.db");
        using (LiteStrategyStore.Open(storePath, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            var started = DateTime.UtcNow;
            var result = await CliRunner.RunAsync(["status", "--config", Config, "--store", storePath]);

            Assert.True(result.ExitCode == 1, result.ToString());
            Assert.Contains(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
        }

        var after = await CliRunner.RunAsync(["status", "--config", Config, "--store", storePath]);
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    [Fact]
    public async Task A_file_that_is_not_a_store_is_a_clear_error_not_a_stack_trace()
    {
        var bogus = Path.Combine(_dir, "bogus.db");
        await File.WriteAllTextAsync(bogus, new string('x', 20000));

        var result = await CliRunner.RunAsync(["status", "--config", Config, "--store", bogus]);

        Assert.True(result.ExitCode is 1 or 2, result.ToString());
        Assert.Contains("bogus.db", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }
}
