using StrategyLayer.Application.Tests.Support;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Application.Tests;

/// <summary>The write use cases against the sandbox over HTTP and a real LiteDB file each.</summary>
public sealed class RunOnceTests(SandboxWorld world) : IClassFixture<SandboxWorld>
{
    [Fact]
    public async Task Run_once_syncs_maps_and_delivers_the_audience_pack_under_one_run_record()
    {
        var (app, context) = world.NewApp("run-once");

        var outcome = await app.RunOnce.RunAsync(CancellationToken.None);

        Assert.NotEmpty(outcome.Sync);
        Assert.DoesNotContain(outcome.Sync, s => s.Failed);
        Assert.True(outcome.Sync.Sum(s => s.Upserted) > 0);
        Assert.NotNull(outcome.Report);
        Assert.True(outcome.Report.Coverage.InScope > 0);
        var share = Assert.Single(outcome.Channels);
        Assert.Equal(("share", 1, 0), (share.Channel, share.Sent, share.Failed));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(world.Folder, "share"), "*.html", SearchOption.AllDirectories));
        Assert.Contains(context.Rows.Rows, r => r.Title == MapUseCase.DefaultTitle && r.Finished);

        var store = await context.StoreAsync(CancellationToken.None);
        var run = Assert.Single(await store.RecentRunsAsync(10, null, CancellationToken.None));
        Assert.Equal(("run", "test-node"), (run.Job, run.Node));
        Assert.Equal(outcome.Partial ? RunResult.Partial : RunResult.Succeeded, run.Result);
        Assert.Equal(outcome.Sync.Sum(s => s.Fetched), run.Counts["fetched"]);
    }

    [Fact]
    public async Task A_scheduled_report_job_records_no_run_and_does_not_send_an_unchanged_pack_again()
    {
        var (app, context) = world.NewApp("scheduled-report");
        await app.Sync.SyncAsync(null, false, CancellationToken.None);
        await app.Map.MapAsync(false, CancellationToken.None);

        var first = await app.RunOnce.RunJobAsync("report", null, null, CancellationToken.None);
        var again = await app.RunOnce.RunJobAsync("report", null, null, CancellationToken.None);

        Assert.Equal(1, first.Counts["sent"]);
        Assert.Equal(0, again.Counts["sent"]);
        Assert.Equal(0, again.Counts["failed"]);
        var store = await context.StoreAsync(CancellationToken.None);
        Assert.Empty(await store.RecentRunsAsync(10, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_sync_run_by_hand_is_one_run_named_after_its_source_with_its_counts()
    {
        var (app, context) = world.NewApp("sync-one");

        var reports = await app.Sync.RunAsync("servicenow", false, CancellationToken.None);

        Assert.All(reports, r => Assert.Equal("servicenow", r.Source));
        var store = await context.StoreAsync(CancellationToken.None);
        var run = Assert.Single(await store.RecentRunsAsync(10, null, CancellationToken.None));
        Assert.Equal("sync:servicenow", run.Job);
        Assert.Equal(reports.Sum(r => r.Fetched), run.Counts["fetched"]);
        Assert.True(run.Counts["fetched"] > 0);
    }

    [Fact]
    public async Task A_source_or_audience_not_configured_is_a_usage_error_naming_what_is()
    {
        var (app, _) = world.NewApp("unknown-names");

        var source = await Assert.ThrowsAsync<StrategyLayerException>(() => app.Sync.SyncAsync("jra", false, CancellationToken.None));
        var audience = await Assert.ThrowsAsync<StrategyLayerException>(() => app.Distribute.DistributeAsync("board", null, CancellationToken.None));

        Assert.Equal(ErrorKind.Usage, source.Kind);
        Assert.Contains("configured: jira, servicenow", source.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.Usage, audience.Kind);
        Assert.Contains("no audience named 'board'", audience.Message, StringComparison.Ordinal);
    }
}
