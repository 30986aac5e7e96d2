using System.Globalization;
using StrategyLayer.Domain.Items;
using StrategyLayer.Store.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace StrategyLayer.Store.Tests;

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
        using (var store = LiteStrategyStore.Open(reference))
        {
            CrashScript.Run(store, Pages, PageSize, page =>
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
            using var store = LiteStrategyStore.Open(crashed);
            var cursorText = store.GetCursor(CrashScript.Source, CrashScript.Partition);
            var cursor = cursorText is null ? -1 : int.Parse(cursorText, CultureInfo.InvariantCulture);
            Assert.True(cursor >= lastCursor, $"cursor went back from {lastCursor} to {cursor}");
            Assert.Equal(cursor < 0 ? 0 : committedCounts[cursor], store.CountItems(CrashScript.Source));
            Assert.Equal((cursor / 5) + 1 - (cursor < 0 ? 1 : 0), store.Quarantined(CrashScript.Source).Count);
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

        using var expected = LiteStrategyStore.Open(reference);
        using var actual = LiteStrategyStore.Open(crashed);
        Assert.Equal(Sorted(expected.LoadItemStates(CrashScript.Source)), Sorted(actual.LoadItemStates(CrashScript.Source)));
        Assert.Equal(expected.GetCursor(CrashScript.Source, ""), actual.GetCursor(CrashScript.Source, ""));
        Assert.Equal((Pages - 1).ToString(CultureInfo.InvariantCulture), actual.GetCursor(CrashScript.Source, ""));
        var expectedItems = expected.Items().ToList();
        var actualItems = actual.Items().ToList();
        Assert.Equal(expectedItems.Select(Json), actualItems.Select(Json));
        Assert.Equal(expectedItems.Select(i => expected.GetRaw(i.Uid)), actualItems.Select(i => actual.GetRaw(i.Uid)));
        Assert.All(actualItems, i => Assert.NotNull(actual.GetRaw(i.Uid)));
        Assert.Equal(expected.Quarantined().Count, actual.Quarantined().Count);
        Assert.Equal(expectedItems.Count(i => i.PreviousKeys.Count > 0), actualItems.Count(i => i.PreviousKeys.Count > 0));
        Assert.Contains(actualItems, i => i.PreviousKeys.Count > 0);
    }

    private static List<KeyValuePair<string, ItemState>> Sorted(IReadOnlyDictionary<string, ItemState> states) =>
        states.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

    private static string Json(WorkItem item) => System.Text.Json.JsonSerializer.Serialize(item);
}
