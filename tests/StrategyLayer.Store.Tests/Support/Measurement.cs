using System.Diagnostics;
using System.Globalization;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Store.Tests.Support;

/// <summary>
/// Loads COUNT synthetic items through CommitPage, then re-syncs them unchanged, and prints
/// throughput, peak working set and file size. Run by hand, never as a unit test.
/// </summary>
public static class Measurement
{
    public static int Run(int count, int pageSize, string? folder)
    {
        using var temp = folder is null ? new TempFolder() : null;
        var dir = folder ?? temp!.Path;
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "measure.db");
        foreach (var stale in Directory.GetFiles(dir, "measure*"))
        {
            File.Delete(stale);
        }

        Console.WriteLine($"measure: {count} items, pages of {pageSize}, {path}");
        using var store = LiteStrategyStore.Open(path);

        // First load: every item new.
        var states = new Dictionary<string, ItemState>(StringComparer.Ordinal);
        var cpu = Cpu();
        var generate = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var generateTime = TimeSpan.Zero;
        for (var start = 0; start < count; start += pageSize)
        {
            generate.Restart();
            var page = Page(start, Math.Min(pageSize, count - start), 0);
            generateTime += generate.Elapsed;
            store.CommitPage("jira", "", page, [], "page-" + start.ToString(CultureInfo.InvariantCulture), states);
        }

        var load = watch.Elapsed;
        Report("first load", count, load, generateTime, store.Writes, ref cpu);
        Memory("after first load");

        // Re-sync with nothing changed: states from the store, hash comparison only.
        var writesBefore = store.Writes;
        cpu = Cpu();
        watch.Restart();
        var loaded = store.LoadItemStates("jira");
        var statesTime = watch.Elapsed;
        var resyncStates = new Dictionary<string, ItemState>(loaded, StringComparer.Ordinal);
        generateTime = TimeSpan.Zero;
        watch.Restart();
        var unchanged = 0;
        for (var start = 0; start < count; start += pageSize)
        {
            generate.Restart();
            var page = Page(start, Math.Min(pageSize, count - start), 0);
            generateTime += generate.Elapsed;
            unchanged += store.CommitPage("jira", "", page, [], "page-" + start.ToString(CultureInfo.InvariantCulture), resyncStates).Unchanged;
        }

        var resync = watch.Elapsed;
        Console.WriteLine($"LoadItemStates: {loaded.Count} states in {statesTime.TotalSeconds:F2} s");
        Memory("after re-sync (states held)");
        Report("re-sync unchanged", count, resync, generateTime, store.Writes - writesBefore, ref cpu);
        Console.WriteLine($"  unchanged: {unchanged}");

        // Streaming all items back.
        watch.Restart();
        var streamed = store.Items().Count();
        Console.WriteLine($"Items() streamed {streamed} in {watch.Elapsed.TotalSeconds:F2} s ({streamed / watch.Elapsed.TotalSeconds:F0} items/s)");
        Memory("after streaming");

        watch.Restart();
        var counted = store.CountItems("jira");
        Console.WriteLine($"CountItems(jira) = {counted} in {watch.Elapsed.TotalMilliseconds:F0} ms");

        store.Dispose();
        var bytes = Directory.GetFiles(dir, "measure*.db").Sum(f => new FileInfo(f).Length);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"file size: {bytes / 1048576.0:F1} MB ({bytes / (double)count:F0} bytes/item)");
        Console.WriteLine($"peak working set: {self.PeakWorkingSet64 / 1048576.0:F0} MB");
        return 0;
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

    private static void Report(string what, int count, TimeSpan elapsed, TimeSpan generating, long writes, ref TimeSpan cpuBefore)
    {
        var store = elapsed - generating;
        var now = Cpu();
        var cpu = now - cpuBefore;
        cpuBefore = now;
        Console.WriteLine($"{what}: {count} items in {elapsed.TotalSeconds:F1} s wall = {count / elapsed.TotalSeconds:F0} items/s "
            + $"(store only, without generating the items: {count / store.TotalSeconds:F0} items/s); "
            + $"CPU {cpu.TotalSeconds:F1} s = {count / cpu.TotalSeconds:F0} items per CPU-second; writes {writes}");
    }
}
