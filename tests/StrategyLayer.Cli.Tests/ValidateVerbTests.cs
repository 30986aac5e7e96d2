using System.Text.Json;
using Xunit;

namespace StrategyLayer.Cli.Tests;

public sealed class ValidateVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public ValidateVerbTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task A_broken_config_exits_2_naming_each_problem_by_line_and_path()
    {
        var config = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(config, "{\n  \"store\": \"x.db\",\n  \"strategy\": \"s.json\",\n  \"rules\": \"r.json\",\n  \"sourcez\": [],\n  \"sources\": [ { \"name\": \"jira\", \"type\": \"jira-cloud\", \"baseUrl\": 42 } ]\n}\n");

        var result = await CliRunner.RunAsync(["validate", "--config", config]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("broken.json(5,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("$.sourcez: unknown key 'sourcez'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("broken.json(6,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("$.sources[0].baseUrl", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_with_json_prints_the_problems_as_a_document()
    {
        var config = Path.Combine(_dir, "broken2.json");
        await File.WriteAllTextAsync(config, "{ \"store\": \"x.db\", \"strategy\": \"s.json\", \"rules\": \"r.json\", \"sources\": [], \"extra\": 1 }");

        var result = await CliRunner.RunAsync(["validate", "--config", config, "--json"]);

        Assert.Equal(2, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.False(doc.RootElement.GetProperty("valid").GetBoolean());
        var problems = doc.RootElement.GetProperty("problems").EnumerateArray().ToList();
        var problem = Assert.Single(problems, p => p.GetProperty("path").GetString() == "$.extra");
        Assert.Equal(1, problem.GetProperty("line").GetInt32());

        // The same pass goes on past the schema error: the files the config names are checked too.
        Assert.Contains(problems, p => p.GetProperty("file").GetString()!.EndsWith("s.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_verb_option_is_bad_usage()
    {
        var result = await CliRunner.RunAsync(["status", "--frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Stderr, StringComparison.Ordinal);
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
