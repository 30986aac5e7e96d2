using System.Net;

namespace StrategyLayer.Sandbox.Tests;

public class FaultTests(FaultTests.Fixture fx) : IClassFixture<FaultTests.Fixture>
{
    public class Fixture : SandboxFixture
    {
        protected override SandboxOptions Options => new() { Size = "small", Seed = 3 };
    }

    [Fact]
    public async Task Injected_faults_carry_each_vendors_rate_limit_headers_and_can_be_switched_off()
    {
        fx.Sandbox.SetFaults(new SandboxFaults { RateLimitedShare = 1.0, RetryAfterSeconds = 2 });
        var jira = await fx.Http.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/myself");
        Assert.Equal((HttpStatusCode)429, jira.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), jira.Headers.RetryAfter!.Delta);
        Assert.True(DateTimeOffset.TryParse(jira.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
        Assert.Equal("0", jira.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.True(jira.Headers.Contains("RateLimit-Reason"));

        var sn = await fx.Http.GetAsync(fx.Sandbox.ServiceNowUrl + "/api/now/table/incident?sysparm_limit=1");
        Assert.Equal((HttpStatusCode)429, sn.StatusCode);
        Assert.True(long.TryParse(sn.Headers.GetValues("X-RateLimit-Reset").Single(), out _));
        Assert.True(sn.Headers.Contains("X-RateLimit-Rule"));

        fx.Sandbox.SetFaults(new SandboxFaults { ServerErrorShare = 1.0 });
        var error = await fx.Http.GetAsync(fx.Sandbox.JiraDataCenterUrl + "/rest/api/2/myself");
        Assert.True((int)error.StatusCode is 500 or 503);

        fx.Sandbox.SetFaults(new SandboxFaults { NearLimit = true });
        var ok = await fx.Http.GetAsync(fx.Sandbox.JiraCloudUrl + "/rest/api/3/myself");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("true", ok.Headers.GetValues("X-RateLimit-NearLimit").Single());
        fx.Sandbox.SetFaults(SandboxFaults.None);
    }

    [Fact]
    public async Task Fault_sequences_are_the_same_for_the_same_seed()
    {
        async Task<string> SequenceAsync()
        {
            await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Size = "100", Seed = 11, Faults = new() { RateLimitedShare = 0.3, ServerErrorShare = 0.2 } }, TimeProvider.System, CancellationToken.None);
            var codes = new List<int>();
            for (var i = 0; i < 40; i++)
            {
                codes.Add((int)(await fx.Http.GetAsync(sandbox.JiraCloudUrl + "/rest/api/3/myself")).StatusCode);
            }

            return string.Join(",", codes);
        }

        var first = await SequenceAsync();
        Assert.Equal(first, await SequenceAsync());
        Assert.Contains("429", first, StringComparison.Ordinal);
        Assert.Contains("200", first, StringComparison.Ordinal);
    }
}
