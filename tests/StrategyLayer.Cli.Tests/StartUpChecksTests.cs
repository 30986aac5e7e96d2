using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// What the verbs check before they start: templates that do not parse (serve, run, schedule refuse,
/// naming file, line and column), template names that are paths, every config problem in one
/// validate pass, and a web address that cannot be bound (one line, no stack trace).
/// </summary>
public sealed class StartUpChecksTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-start-" + Guid.NewGuid().ToString("N")[..8]);

    public StartUpChecksTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot, "templates"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, "templates", Path.GetRelativePath(Path.Combine(RepoRoot, "templates"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (!File.Exists(Path.Combine(dir!.FullName, "StrategyLayer.sln")))
            {
                dir = dir.Parent;
            }

            return dir.FullName;
        }
    }

    private string Store => Path.Combine(_dir, "store.db");

    /// <summary>A config over the copied templates and the demo's tree and rules; its one source is never reached.</summary>
    private string Config(string template = "portfolio-pack", string extra = "")
    {
        var path = Path.Combine(_dir, "strategylayer.json");
        var config = RepoRoot.Replace("\\", "/", StringComparison.Ordinal) + "/config";
        File.WriteAllText(path, $$"""
            {
              "store": "store.db", "logs": "logs",
              "strategy": "{{config}}/strategy.json", "rules": "{{config}}/rules.json", "templates": "templates",
              "sources": [ { "name": "jira", "type": "jira-cloud", "baseUrl": "http://127.0.0.1:9/jira", "scope": "project = PAY", "maxRetries": 0 } ],
              "audiences": [ { "name": "executives", "template": "{{template}}", "format": "html", "channels": ["share"] } ],
              "channels": [ { "name": "share", "type": "folder", "path": "share" } ],
              "schedules": [ { "job": "run", "cron": "0 0 6 ? * MON" } ]{{extra}}
            }
            """);
        return path;
    }

    private static void AssertNoStackTrace(CliResult result) =>
        Assert.False(result.Stderr.Contains("   at ", StringComparison.Ordinal), "a stack trace reached the user: " + result);

    [Theory]
    [InlineData("run")]
    [InlineData("schedule")]
    public async Task A_pack_template_that_does_not_parse_refuses_the_start_naming_file_line_and_column(string verb)
    {
        File.WriteAllText(Path.Combine(_dir, "templates", "untracked.sbn"), "<h1>Untracked</h1>\n{{ for x in items }\n");

        var result = await CliRunner.RunAsync([verb, "--config", Config()], timeout: TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("untracked.sbn(2,", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Store), "nothing ran: the store was not even opened");
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Serve_refuses_to_start_with_a_broken_page_template_naming_file_line_and_column()
    {
        File.WriteAllText(Path.Combine(_dir, "templates", "web", "teams.sbn"), "<h1>Teams</h1>\n{{ for t in teams }\n");

        var result = await CliRunner.RunAsync(["serve", "--config", Config(), "--urls", "http://127.0.0.1:0"], timeout: TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("teams.sbn(2,19)", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public async Task A_template_name_that_is_a_path_is_refused_even_when_the_file_exists(string verb)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "outside"));
        File.WriteAllText(Path.Combine(_dir, "outside", "x.sbn"), "<p>not a template of ours</p>");

        var result = await CliRunner.RunAsync([verb, "--config", Config("../outside/x")], timeout: TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("'../outside/x' is not a template name", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "share")));
    }

    [Fact]
    public async Task Validate_lists_schema_errors_unset_variables_missing_files_and_broken_templates_in_one_pass()
    {
        var config = Config(extra: ", \"colour\": \"blue\", \"web\": { \"bearerTokenEnv\": \"SL_TEST_UNSET_TOKEN\" }");
        File.WriteAllText(config, File.ReadAllText(config).Replace("/strategy.json", "/no-such-strategy.json", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "templates", "untracked.sbn"), "{{ if }}");

        var result = await CliRunner.RunAsync(["validate", "--json", "--config", config], environment: new Dictionary<string, string?> { ["SL_TEST_UNSET_TOKEN"] = null });

        Assert.True(result.ExitCode == 2, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var problems = doc.RootElement.GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("path").GetString() == "$.colour");
        Assert.Contains(problems, p => p.GetProperty("message").GetString()!.Contains("SL_TEST_UNSET_TOKEN is not set", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.GetProperty("file").GetString()!.EndsWith("no-such-strategy.json", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.GetProperty("file").GetString()!.EndsWith("untracked.sbn", StringComparison.Ordinal) && p.GetProperty("line").GetInt32() == 1);
    }

    [Fact]
    public async Task An_address_that_cannot_be_bound_is_one_line_without_a_stack_trace_whatever_its_spelling()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync(["serve", "--config", Config(), "--urls", $"http://[::ffff:127.0.0.1]:{port}"], timeout: TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"http://127.0.0.1:{port}", line, StringComparison.Ordinal);
        AssertNoStackTrace(result);
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
