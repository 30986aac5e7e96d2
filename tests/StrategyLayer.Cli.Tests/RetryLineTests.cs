using StrategyLayer.Sandbox;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>A server that errors now and then: the sync retries and says why and how long it waits, in seconds.</summary>
public sealed class RetryLineTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly TempFolder _folder = new("sl-retry");

    [Fact]
    public async Task Retry_lines_name_the_http_status_and_the_wait_in_seconds()
    {
        var config = RepoFiles.WriteConfig(_folder.Path, RepoFiles.SandboxSources(fixture.Sandbox));
        fixture.Sandbox.SetFaults(new SandboxFaults { ServerErrorShare = 0.3, RetryAfterSeconds = 1 });
        try
        {
            var result = await CliRunner.RunAsync(["sync", "--config", config], timeout: TimeSpan.FromMinutes(3));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(@"Retrying (jira|servicenow) after HTTP 50[03] \(attempt \d+\), waiting \d+\.\d s", result.Stderr);
            Assert.DoesNotContain("00:00:", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Sandbox.SetFaults(SandboxFaults.None);
        }
    }

    public void Dispose() => _folder.Dispose();
}
