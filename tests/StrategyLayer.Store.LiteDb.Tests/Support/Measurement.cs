using System.Diagnostics;
using System.Globalization;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.LiteDb.Tests.Support;

/// <summary>
/// Loads COUNT synthetic items in batches, then re-syncs them unchanged, and prints throughput, peak
/// working set and file size, with the durability asked for. Run by hand, never as a unit test.
/// </summary>
public static class Measurement
{
    public static async Task<int> RunAsync(int count, int pageSize, string? folder, LiteDurability durability)
    {
        using var temp = folder is null ? new TempFolder() : null;
        var dir = folder ?? temp!.Path;
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "measure.db");
        foreach (var stale in Directory.GetFiles(dir, "measure*"))
        {
            File.Delete(stale);
        }

        Console.WriteLine($"measure: {count} items, batches of {pageSize}, {durability}, {path}");
        var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System, Durability = durability });

        // First load: every item new, prepared on the calling thread (not timed apart).
        var cpu = Cpu();
        var watch = Stopwatch.StartNew();
        var upserted = await LoadAsync(store, count, pageSize);
        Report("first load", count, watch.Elapsed, upserted, ref cpu);
        Memory("after first load");

        // Re-sync with nothing changed: states from the store, hash comparison only.
        cpu = Cpu();
        watch.Restart();
        var rewritten = await LoadAsync(store, count, pageSize);
        Report("re-sync unchanged", count, watch.Elapsed, rewritten, ref cpu);

        watch.Restart();
        var streamed = 0;
        await foreach (var item in store.ItemsAsync(null, CancellationToken.None))
        {
            streamed++;
        }

        Console.WriteLine($"ItemsAsync streamed {streamed} in {watch.Elapsed.TotalSeconds:F2} s ({streamed / watch.Elapsed.TotalSeconds:F0} items/s)");
        Memory("after streaming");

        await store.DisposeAsync();
        var bytes = Directory.GetFiles(dir, "measure*.db").Sum(f => new FileInfo(f).Length);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"file size: {bytes / 1048576.0:F1} MB ({bytes / (double)count:F0} bytes/item)");
        Console.WriteLine($"peak working set: {self.PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
    }

    private static async Task<long> LoadAsync(IItemSync store, int count, int pageSize)
    {
        await using var sync = await store.BeginSyncAsync("jira", CancellationToken.None);
        long upserted = 0;
        for (var start = 0; start < count; start += pageSize)
        {
            var page = Page(start, Math.Min(pageSize, count - start), 0);
            upserted += (await sync.CommitAsync("", page, [], "page-" + start.ToString(CultureInfo.InvariantCulture), CancellationToken.None)).Upserted;
        }

        return upserted;
    }

    private static void Memory(string when)
    {
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"  {when}: working set {self.WorkingSet64 / 1048576.0:F0} MB, peak {self.PeakWorkingSet64 / 1048576.0:F0} MB, "
            + $"managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F0} MB");
    }

    private static List<SourceRecord> Page(int start, int size, int version)
    {
        var page = new List<SourceRecord>(size);
        for (var i = start; i < start + size; i++)
        {
            page.Add(SyntheticItems.Record("jira", i, version));
        }

        return page;
    }

    // The machine may be shared: CPU time (this process, all threads) is the figure contention does not distort.
    private static TimeSpan Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static void Report(string what, int count, TimeSpan elapsed, long upserted, ref TimeSpan cpuBefore)
    {
        var now = Cpu();
        var cpu = now - cpuBefore;
        cpuBefore = now;
        Console.WriteLine($"{what}: {count} items in {elapsed.TotalSeconds:F1} s wall = {count / elapsed.TotalSeconds:F0} items/s; "
            + $"CPU {cpu.TotalSeconds:F1} s = {count / cpu.TotalSeconds:F0} items per CPU-second; items written {upserted}");
    }
}
