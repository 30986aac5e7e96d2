using System.Globalization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.LiteDb.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace StrategyLayer.Store.LiteDb.Tests;

/// <summary>
/// A child process writing pages is SIGKILLed at random points, then resumed from its cursor; the
/// store must end up as an uninterrupted run leaves it: nothing lost, nothing twice, no partial page.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Pages = 150;
    private const int PageSize = 12;
    private const int Kills = 22;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_store_killed_at_random_points_and_resumed_equals_an_uninterrupted_run()
    {
        var reference = _temp.File("reference.db");
        var committedCounts = new Dictionary<int, int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using (var store = LiteStrategyStore.Open(reference, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            await CrashScript.RunAsync(store, Pages, PageSize, page =>
            {
                foreach (var r in CrashScript.Page(page, PageSize).Records)
                {
                    seen.Add(r.Item.Uid);
                }

                committedCounts[page] = seen.Count;
            });
        }

        var crashed = _temp.File("crashed.db");
        var random = new Random(20261102);
        var kills = 0;
        var runs = 0;
        var lastCursor = -1;
        while (kills < Kills && runs < Kills * 3)
        {
            runs++;
            using var child = ChildProcess.Start("crash-child", crashed, Pages.ToString(CultureInfo.InvariantCulture), PageSize.ToString(CultureInfo.InvariantCulture));

            // Kill after 0 to 4 committed pages of this run, plus 0 to 6 ms: inside a commit, between
            // commits, or while the store is still opening.
            var target = random.Next(0, 5);
            var pagesSeen = -1;
            string? line;
            while ((line = child.StandardOutput.ReadLine()) is not null)
            {
                if (line == "ready" || line.StartsWith("page ", StringComparison.Ordinal))
                {
                    pagesSeen++;
                }

                if (pagesSeen == target)
                {
                    Thread.Sleep(random.Next(0, 7));
                    break;
                }
            }

            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
                kills++;
            }

            child.WaitForExit();

            // After every kill: the cursor's pages are all there, and nothing of a later page.
            await using var store = LiteStrategyStore.Open(crashed, new LiteStoreOptions { TimeProvider = TimeProvider.System });
            var cursor = await StoredCursorAsync(store);
            Assert.True(cursor >= lastCursor, $"cursor went back from {lastCursor} to {cursor}");
            Assert.Equal(cursor < 0 ? 0 : committedCounts[cursor], await store.CountItemsAsync(CrashScript.Source, false, CancellationToken.None));
            Assert.Equal((cursor / 5) + 1 - (cursor < 0 ? 1 : 0), (await store.QuarantinedAsync(CrashScript.Source, CancellationToken.None)).Count);
            lastCursor = cursor;
            if (cursor == Pages - 1)
            {
                break;
            }
        }

        output.WriteLine($"{kills} kills in {runs} runs; cursor after the last kill: {lastCursor}");
        Assert.True(kills >= 20, $"only {kills} kills landed before the child finished");

        using (var finish = ChildProcess.Start("crash-child", crashed, Pages.ToString(CultureInfo.InvariantCulture), PageSize.ToString(CultureInfo.InvariantCulture)))
        {
            // Drain its output: the child waits on a full pipe (see Program.cs).
            var stdout = finish.StandardOutput.ReadToEndAsync();
            var stderr = finish.StandardError.ReadToEndAsync();
            Assert.True(finish.WaitForExit(60_000), "the last run did not finish");
            Assert.True(finish.ExitCode == 0, "the last run failed: " + await stderr);
            Assert.EndsWith("done", (await stdout).TrimEnd(), StringComparison.Ordinal);
        }

        await using var expected = LiteStrategyStore.Open(reference, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        await using var actual = LiteStrategyStore.Open(crashed, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        Assert.Equal(Pages - 1, await StoredCursorAsync(actual));
        var expectedItems = await ItemsAsync(expected);
        var actualItems = await ItemsAsync(actual);
        Assert.Equal(expectedItems.Select(Json), actualItems.Select(Json));
        foreach (var item in actualItems)
        {
            var raw = await actual.GetRawAsync(item.Uid, CancellationToken.None);
            Assert.NotNull(raw);
            Assert.Equal(await expected.GetRawAsync(item.Uid, CancellationToken.None), raw);
        }

        Assert.Equal((await expected.QuarantinedAsync(null, CancellationToken.None)).Count, (await actual.QuarantinedAsync(null, CancellationToken.None)).Count);
        Assert.Equal(expectedItems.Count(i => i.PreviousKeys.Count > 0), actualItems.Count(i => i.PreviousKeys.Count > 0));
        Assert.Contains(actualItems, i => i.PreviousKeys.Count > 0);

        // Resumed from the crashed file, a sync compares as the uninterrupted one would: nothing is written again.
        await using var sync = await actual.BeginSyncAsync(CrashScript.Source, CancellationToken.None);
        var (records, _) = CrashScript.Page(Pages - 1, PageSize);
        Assert.Equal(0, (await sync.CommitAsync(CrashScript.Partition, records, [], null, CancellationToken.None)).Upserted);
    }

    private static async Task<int> StoredCursorAsync(IItemSync store)
    {
        await using var sync = await store.BeginSyncAsync(CrashScript.Source, CancellationToken.None);
        var text = await sync.GetCursorAsync(CrashScript.Partition, CancellationToken.None);
        return text is null ? -1 : int.Parse(text, CultureInfo.InvariantCulture);
    }

    private static async Task<List<WorkItem>> ItemsAsync(IItemReader store)
    {
        var items = new List<WorkItem>();
        await foreach (var item in store.ItemsAsync(null, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    private static string Json(WorkItem item) => System.Text.Json.JsonSerializer.Serialize(item);
}
