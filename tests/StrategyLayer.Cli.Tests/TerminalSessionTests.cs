using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// <c>sync</c> and <c>run</c> on a real (pseudo-)terminal, where the live display draws: each stage
/// adds rows to the one display, so nothing is refused as "interactive functions concurrently".
/// (The demo runs under a terminal in <see cref="InstalledToolTests"/>.)
/// </summary>
[TestCaseOrderer("StrategyLayer.Cli.Tests.ByNameOrderer", "StrategyLayer.Cli.Tests")]
public sealed class TerminalSessionTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly TempFolder _folder = new("sl-tty");
    private readonly string _config;

    public TerminalSessionTests(SandboxFixture fixture)
    {
        _config = RepoFiles.WriteConfig(_folder.Path, RepoFiles.SandboxSources(fixture.Sandbox), """
            ,
              "audiences": [ { "name": "executives", "template": "portfolio-pack", "format": "html", "channels": ["share"] } ],
              "channels": [ { "name": "share", "type": "folder", "path": "share" } ]
            """);
    }

    [Fact]
    public async Task T1_Sync_on_a_terminal_draws_its_progress_and_exits_0_without_a_stack_trace()
    {
        var result = await Terminal.RunAsync(Terminal.Cli("sync", "--config", _config), _folder.Path, TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Terminal.HasStackTrace(result.Stdout), result.Stdout);
        Assert.Contains("Syncing servicenow/incident", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("servicenow/problem", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T2_Run_on_a_terminal_syncs_maps_reports_and_delivers_with_one_display_and_exits_0()
    {
        var result = await Terminal.RunAsync(Terminal.Cli("run", "--config", _config), _folder.Path, TimeSpan.FromMinutes(4));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Terminal.HasStackTrace(result.Stdout), result.Stdout);
        Assert.Contains("Mapping items to measures", result.Stdout, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_folder.Path, "share"), "*.html", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task T3_Piped_sync_draws_nothing_live()
    {
        var result = await CliRunner.RunAsync(["sync", "--config", _config], _folder.Path, timeout: TimeSpan.FromMinutes(3));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Syncing", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout + result.Stderr);
    }

    public void Dispose() => _folder.Dispose();
}
