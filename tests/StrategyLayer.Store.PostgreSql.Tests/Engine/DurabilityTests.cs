using System.Diagnostics;
using System.Globalization;
using StrategyLayer.Store.PostgreSql.Tests.Support;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.PostgreSql.Tests.Engine;

/// <summary>
/// What a completed commit survives on PostgreSQL: a child process syncs pages and, the moment the
/// commit of a chosen page returns, reports it and kills itself (SIGKILL). Reopened, the store must
/// hold that page and its cursor, and nothing of a later page.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DurabilityTests(PostgreSqlCluster cluster)
{
    private const int PageSize = 500;

    [Fact]
    public async Task Every_page_a_commit_reported_is_found_after_the_process_is_killed_right_after_it()
    {
        var uri = await cluster.CreateDatabaseAsync("killed");
        foreach (var stop in new[] { 1, 2, 4 })
        {
            var line = await RunUntilKilledAsync(uri, stop);
            Assert.Equal("committed " + stop.ToString(CultureInfo.InvariantCulture), line);

            await using var store = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System }, CancellationToken.None);
            var cursor = Assert.Single(await store.CursorsAsync(CancellationToken.None));
            Assert.Equal(stop.ToString(CultureInfo.InvariantCulture), cursor.Cursor);
            Assert.Equal((stop + 1) * PageSize, await store.CountItemsAsync(KilledSync.Source, true, CancellationToken.None));
            var last = KilledSync.Page(stop, PageSize)[^1].Item;
            Assert.Equal(last.Updated, (await store.FindItemAsync(last.Uid, CancellationToken.None))?.Updated);
        }
    }

    private static async Task<string> RunUntilKilledAsync(string uri, int stop)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "StrategyLayer.Store.PostgreSql.Tests.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "kill-after-commit", uri, PageSize.ToString(CultureInfo.InvariantCulture), stop.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        using var child = Process.Start(info)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await child.WaitForExitAsync(timeout.Token);
        Assert.True(child.ExitCode != 0, "the child finished without killing itself: " + await stdout + await stderr);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0, "the child reported nothing: " + await stderr);
        return lines[^1];
    }
}
