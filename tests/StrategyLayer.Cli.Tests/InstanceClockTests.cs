using System.Text.Json;
using StrategyLayer.Sandbox;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// A ServiceNow instance whose clock is ten minutes behind ours, or ahead of it: a plain
/// (incremental) sync still finds the deletions it records, through the built CLI and the sandbox.
/// </summary>
public abstract class InstanceClockTests(SandboxFixture fixture)
{
    [Fact]
    public async Task Deletions_the_instance_records_are_found_by_a_plain_sync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sl-clock-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var config = Path.Combine(dir, "strategylayer.json");
        File.WriteAllText(config, $$"""
            { "store": "store.db", "logs": "logs", "strategy": "strategy.json", "rules": "rules.json",
              "sources": [ { "name": "servicenow", "type": "servicenow", "baseUrl": "{{fixture.Sandbox.ServiceNowUrl}}", "tables": ["incident", "change_request", "problem"] } ] }
            """);
        var first = await CliRunner.RunAsync(["sync", "--json", "--config", config], timeout: TimeSpan.FromMinutes(2));
        Assert.True(first.ExitCode == 0, first.ToString());

        fixture.Sandbox.AdvanceClock(TimeSpan.FromMinutes(1));
        var deleted = fixture.Sandbox.Delete(3, SandboxSource.ServiceNow);
        var second = await CliRunner.RunAsync(["sync", "--json", "--config", config], timeout: TimeSpan.FromMinutes(2));

        Assert.True(second.ExitCode == 0, second.ToString());
        using var doc = JsonDocument.Parse(second.Stdout);
        Assert.Equal(3, deleted.Count);
        Assert.Equal(deleted.Count, doc.RootElement.GetProperty("sources").EnumerateArray().Sum(e => e.GetProperty("deleted").GetInt64()));
    }
}

public sealed class InstanceClockBehindTests(InstanceClockBehindTests.Fixture fixture) : InstanceClockTests(fixture), IClassFixture<InstanceClockBehindTests.Fixture>
{
    public sealed class Fixture : SandboxFixture
    {
        protected override SandboxOptions Options => base.Options with { Now = TimeProvider.System.GetUtcNow().AddMinutes(-10) };
    }
}

public sealed class InstanceClockAheadTests(InstanceClockAheadTests.Fixture fixture) : InstanceClockTests(fixture), IClassFixture<InstanceClockAheadTests.Fixture>
{
    public sealed class Fixture : SandboxFixture
    {
        protected override SandboxOptions Options => base.Options with { Now = TimeProvider.System.GetUtcNow().AddMinutes(10) };
    }
}
