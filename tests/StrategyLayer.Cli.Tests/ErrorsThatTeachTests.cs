using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// A name that is not known (a team, a measure, a template, a source) is a usage error (exit 2)
/// listing the known ones, never an empty pack or list that looks like an answer.
/// </summary>
public sealed class ErrorsThatTeachTests : IClassFixture<ErrorsThatTeachTests.SyncedStore>
{
    private readonly SyncedStore _store;

    public ErrorsThatTeachTests(SyncedStore store) => _store = store;

    [Fact]
    public async Task Report_for_an_unknown_team_exits_2_listing_the_known_teams_and_writes_nothing()
    {
        var result = await CliRunner.RunAsync(["report", "--team", "NOPE", "--format", "html", "--out", _store.Out, "--config", _store.Config]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no team 'NOPE'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("PAY", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Service Desk", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_store.Out) && Directory.EnumerateFiles(_store.Out).Any());
    }

    [Fact]
    public async Task Items_of_an_unknown_measure_exits_2_listing_the_measures_of_the_tree()
    {
        var result = await CliRunner.RunAsync(["items", "--measure", "M-PCI-TOKN", "--config", _store.Config]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no measure 'M-PCI-TOKN'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'M-PCI-TOKEN'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("M-SD-MTTR", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_of_an_unknown_team_exits_2_and_a_known_team_in_another_case_is_accepted()
    {
        var unknown = await CliRunner.RunAsync(["items", "--team", "PAYY", "--config", _store.Config]);
        var known = await CliRunner.RunAsync(["items", "--team", "pay", "--json", "--config", _store.Config]);

        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("did you mean 'PAY'", unknown.Stderr, StringComparison.Ordinal);
        Assert.True(known.ExitCode == 0, known.ToString());
    }

    [Fact]
    public async Task Report_with_an_unknown_template_exits_2_listing_the_pack_templates()
    {
        var result = await CliRunner.RunAsync(["report", "--template", "portfolio", "--out", _store.Out, "--config", _store.Config]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("no template 'portfolio'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("portfolio-pack", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("delivery-lead", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("_foot", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_of_an_unknown_source_exits_2_listing_the_configured_sources()
    {
        var result = await CliRunner.RunAsync(["sync", "--source", "jria", "--config", _store.Config]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("jira, servicenow", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The sandbox synced and mapped once for the class.</summary>
    public sealed class SyncedStore : IAsyncLifetime
    {
        private readonly SandboxFixture _sandbox = new();
        private readonly TempFolder _folder = new("sl-teach");

        public string Config { get; private set; } = "";

        public string Out => Path.Combine(_folder.Path, "out");

        public async Task InitializeAsync()
        {
            await _sandbox.InitializeAsync();
            Config = RepoFiles.WriteConfig(_folder.Path, RepoFiles.SandboxSources(_sandbox.Sandbox));
            var sync = await CliRunner.RunAsync(["sync", "--config", Config], timeout: TimeSpan.FromMinutes(3));
            var map = await CliRunner.RunAsync(["map", "--config", Config]);
            if (sync.ExitCode != 0 || map.ExitCode != 0)
            {
                throw new InvalidOperationException(sync + "\n" + map);
            }
        }

        public async Task DisposeAsync()
        {
            await _sandbox.DisposeAsync();
            _folder.Dispose();
        }
    }
}
