using System.Globalization;
using StrategyLayer.Store.LiteDb.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>
/// What a completed commit survives: a child process commits pages of about 2 MB each and, the moment
/// the commit of a chosen page returns, reports it and kills itself (SIGKILL: no dispose, no flush, no
/// LiteDB writer thread left to finish). Reopened, the store must hold that page and its cursor.
/// </summary>
public sealed class DurabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Pages = 12;
    private const int PageSize = 900;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Every_page_a_commit_reported_is_found_after_the_process_is_killed_right_after_it()
    {
        var path = _temp.File("killed.db");
        var random = new Random(20261203);
        var reported = -1;
        for (var run = 0; run < 4; run++)
        {
            // Each run resumes from the stored cursor and kills itself after one to three more pages.
            var stop = Math.Min(Pages - 1, reported + 1 + random.Next(0, 3));
            var line = await RunUntilKilledAsync(path, stop);
            Assert.Equal("committed " + stop.ToString(CultureInfo.InvariantCulture), line);
            reported = stop;

            await using var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
            await using var sync = await store.BeginSyncAsync(CrashScript.Source, CancellationToken.None);
            var cursor = await sync.GetCursorAsync(CrashScript.Partition, CancellationToken.None);
            output.WriteLine($"run {run}: reported page {stop}, stored cursor {cursor ?? "none"}");
            Assert.Equal(stop.ToString(CultureInfo.InvariantCulture), cursor);
            Assert.Equal(CrashScript.ItemsThrough(stop, PageSize), await store.CountItemsAsync(CrashScript.Source, true, CancellationToken.None));
            var last = CrashScript.Page(stop, PageSize).Records[^1].Item;
            Assert.Equal(last.Updated, (await store.FindItemAsync(last.Uid, CancellationToken.None))?.Updated);
        }
    }

    [Fact]
    public async Task A_commit_returns_only_once_its_pages_are_in_the_data_file_and_the_log_is_empty()
    {
        // LiteDB's checkpoint copies the log into the data file, flushes the data file to the disk and only
        // then empties the log: an empty log once the commit returned means the commit is on the disk.
        // Without the checkpoint the pages stay in the log (flushed by LiteDB's writer thread later).
        var checkpointed = _temp.File("checkpointed.db");
        var queued = _temp.File("queued.db");
        await using (var store = LiteStrategyStore.Open(checkpointed, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        await using (var lazy = LiteStrategyStore.Open(queued, new LiteStoreOptions { TimeProvider = TimeProvider.System, Durability = LiteDurability.Queued }))
        {
            var (records, quarantined) = CrashScript.Page(0, 300);
            await CommitAsync(store, records, quarantined);
            await CommitAsync(lazy, records, quarantined);

            Assert.Equal(0, LogLength(checkpointed));
            Assert.True(LogLength(queued) > 0, "the queued store checkpointed on its own: this test no longer tells the two apart");
            await store.SaveMappingsAsync([new Domain.Mapping.ItemMapping(records[0].Item.Uid, "M-1", Domain.Mapping.Decision.None, true)], [], CancellationToken.None);
            await store.SetValueAsync("mapping.asOf", "2026-12-03", CancellationToken.None);
            await store.SaveRunAsync(new Domain.Runs.RunRecord { Id = "r1", Job = "sync", Started = DateTimeOffset.UnixEpoch }, CancellationToken.None);
            Assert.Equal(0, LogLength(checkpointed));
        }
    }

    private static async Task CommitAsync(IItemSync store, IReadOnlyList<Domain.Items.SourceRecord> records, IReadOnlyList<Domain.Items.QuarantinedRecord> quarantined)
    {
        await using var sync = await store.BeginSyncAsync(CrashScript.Source, CancellationToken.None);
        await sync.CommitAsync(CrashScript.Partition, records, quarantined, "0", CancellationToken.None);
    }

    private static long LogLength(string store)
    {
        var log = Path.Combine(Path.GetDirectoryName(store)!, Path.GetFileNameWithoutExtension(store) + "-log" + Path.GetExtension(store));
        return File.Exists(log) ? new FileInfo(log).Length : 0;
    }

    /// <summary>Runs the child until it kills itself; returns the last line it printed.</summary>
    private static async Task<string?> RunUntilKilledAsync(string path, int stop)
    {
        using var child = ChildProcess.Start("kill-after-commit", path, Pages.ToString(CultureInfo.InvariantCulture), PageSize.ToString(CultureInfo.InvariantCulture), nameof(LiteDurability.Checkpointed), stop.ToString(CultureInfo.InvariantCulture));
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        Assert.True(child.WaitForExit(120_000), "the child neither finished nor was killed");
        Assert.True(child.ExitCode != 0, "the child finished without killing itself: " + await stdout);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0, "the child reported nothing: " + await stderr);
        return lines[^1];
    }
}
