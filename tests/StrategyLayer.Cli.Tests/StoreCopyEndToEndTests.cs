using System.Text.Json;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary><c>store copy --to postgresql://…</c> as a user runs it: a synced LiteDB store carried into an empty database.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StoreCopyEndToEndTests(SandboxFixture fixture, PostgreSqlCluster cluster) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-copy-" + Guid.NewGuid().ToString("N")[..8]);

    private string Config => Path.Combine(_dir, "strategylayer.json");

    private void WriteConfig()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "templates"));
        File.WriteAllText(Path.Combine(_dir, "templates", "portfolio-pack.sbn"), "x");
        File.WriteAllText(Config, $$"""
            {
              "store": "store.db",
              "logs": "logs",
              "strategy": "strategy.json",
              "rules": "rules.json",
              "templates": "templates",
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "{{fixture.Sandbox.JiraCloudUrl}}", "scope": "project in (PAY, WEB, CLOUD, OPS, DATA)" },
                { "name": "servicenow", "type": "servicenow", "baseUrl": "{{fixture.Sandbox.ServiceNowUrl}}", "tables": ["incident", "problem"] }
              ]
            }
            """);
    }

    private static IEnumerable<(string?, int, string?)> Sources(string statusJson)
    {
        using var doc = JsonDocument.Parse(statusJson);
        return doc.RootElement.GetProperty("sources").EnumerateArray()
            .Select(s => (s.GetProperty("source").GetString(), s.GetProperty("items").GetInt32(), s.GetProperty("cursor").GetString()))
            .ToList();
    }

    [Fact]
    public async Task A_synced_litedb_store_copied_into_postgresql_shows_the_same_status_and_syncs_on_from_its_cursors()
    {
        WriteConfig();
        var sync = await CliRunner.RunAsync(["sync", "--config", Config]);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var database = await cluster.CreateDatabaseAsync("copy");

        var copy = await CliRunner.RunAsync(["store", "copy", "--to", database, "--json", "--config", Config]);

        Assert.True(copy.ExitCode == 0, copy.ToString());
        var before = await CliRunner.RunAsync(["status", "--json", "--config", Config]);
        var after = await CliRunner.RunAsync(["status", "--json", "--config", Config, "--store", database]);
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal(Sources(before.Stdout), Sources(after.Stdout));
        Assert.Contains(Sources(after.Stdout), s => s.Item2 > 0);

        // The copy goes on where the LiteDB store stopped: nothing changed upstream, nothing is written.
        var resync = await CliRunner.RunAsync(["sync", "--json", "--config", Config, "--store", database]);
        Assert.True(resync.ExitCode == 0, resync.ToString());
        using var doc = JsonDocument.Parse(resync.Stdout);
        Assert.All(doc.RootElement.GetProperty("sources").EnumerateArray(), e => Assert.Equal(0, e.GetProperty("upserted").GetInt64()));

        // A second copy into the same database is refused: it is no longer empty.
        var again = await CliRunner.RunAsync(["store", "copy", "--to", database, "--config", Config]);
        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.Contains("empty store", again.Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
