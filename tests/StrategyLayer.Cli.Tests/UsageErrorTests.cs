using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>The first mistakes a new user makes get one error that says what to do.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempFolder _empty = new("sl-empty");

    [Fact]
    public async Task A_misspelled_verb_gets_one_error_line_with_did_you_mean()
    {
        var result = await CliRunner.RunAsync(["snyc"], _empty.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains("'snyc' is not a strategylayer command", line, StringComparison.Ordinal);
        Assert.Contains("Did you mean `strategylayer sync`?", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelled_option_gets_did_you_mean_with_the_option()
    {
        var result = await CliRunner.RunAsync(["items", "--untraked"], _empty.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Did you mean `--untracked`?", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_config_says_where_it_looked_and_points_to_config_and_init()
    {
        var result = await CliRunner.RunAsync(["status"], _empty.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(Path.Combine(_empty.Path, "strategylayer.json"), result.Stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_empty.Path, "config", "strategylayer.json"), result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--config", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("strategylayer init", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_named_by_option_that_is_missing_is_named_in_the_error()
    {
        var result = await CliRunner.RunAsync(["status", "--config", "nowhere/sl.json"], _empty.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(Path.Combine(_empty.Path, "nowhere", "sl.json"), result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_config_is_strategylayer_json_in_the_current_folder()
    {
        RepoFiles.WriteConfig(_empty.Path, """[ { "name": "here", "type": "jira-cloud", "baseUrl": "http://127.0.0.1:9/j", "scope": "project = X" } ]""");

        var result = await CliRunner.RunAsync(["status", "--json"], _empty.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"here\"", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_empty.File("store.db")));
    }

    public void Dispose() => _empty.Dispose();
}
