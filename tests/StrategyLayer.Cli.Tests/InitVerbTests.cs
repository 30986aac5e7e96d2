using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary><c>init</c>: a starter setup for a real Jira and ServiceNow that validates once its variables are set.</summary>
public sealed class InitVerbTests : IDisposable
{
    private static readonly Dictionary<string, string?> Credentials = new()
    {
        ["JIRA_USER"] = "pmo@example.com",
        ["JIRA_TOKEN"] = "jira-token-value",
        ["SERVICENOW_USER"] = "pmo",
        ["SERVICENOW_PASSWORD"] = "sn-password-value",
    };

    private readonly TempFolder _folder = new("sl-init");

    [Fact]
    public async Task Init_writes_a_config_tree_rules_and_templates_that_validate_once_the_variables_are_set()
    {
        var init = await CliRunner.RunAsync(["init"], _folder.Path);
        Assert.True(init.ExitCode == 0, init.ToString());
        foreach (var file in new[] { "strategylayer.json", "strategy.json", "rules.json", Path.Combine("templates", "portfolio-pack.sbn"), Path.Combine("templates", "web", "portfolio.sbn") })
        {
            Assert.True(File.Exists(_folder.File(file)), file + " missing");
        }

        var unset = await CliRunner.RunAsync(["validate"], _folder.Path, Credentials.ToDictionary(c => c.Key, _ => (string?)null));
        Assert.True(unset.ExitCode == 2, unset.ToString());
        Assert.All(Credentials.Keys, name => Assert.Contains(name, unset.Stderr, StringComparison.Ordinal));

        var set = await CliRunner.RunAsync(["validate"], _folder.Path, Credentials);
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.DoesNotContain("jira-token-value", set.Stdout + set.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_never_overwrites_a_file()
    {
        await File.WriteAllTextAsync(_folder.File("rules.json"), "mine");

        var result = await CliRunner.RunAsync(["init"], _folder.Path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("rules.json", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(_folder.File("rules.json")));
        Assert.False(File.Exists(_folder.File("strategylayer.json")));
    }

    public void Dispose() => _folder.Dispose();
}
