using System.Diagnostics;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Store.LiteDb.Locking;
using StrategyLayer.Store.LiteDb.Tests.Support;
using Xunit;

namespace StrategyLayer.Store.LiteDb.Tests;

public sealed class StoreLockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_second_process_is_refused_at_once_naming_the_holder()
    {
        var path = _temp.File("held.db");
        using var holder = ChildProcess.Start("hold", path);
        try
        {
            if (!ChildProcess.WaitForLine(holder, "holding", TimeSpan.FromSeconds(30)))
            {
                holder.Kill(entireProcessTree: true);
                Assert.Fail("the holder never opened the store: " + holder.StandardError.ReadToEnd());
            }

            var watch = Stopwatch.StartNew();
            var error = Assert.Throws<StoreLockedException>(() => LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }));
            watch.Stop();

            Assert.Equal(ErrorKind.Runtime, error.Kind);
            Assert.NotNull(error.Holder);
            Assert.Equal(holder.Id, error.Holder.ProcessId);
            Assert.StartsWith($"store {path} is in use by process {holder.Id} (StrategyLayer.Store.LiteDb.Tests hold {path}) since ", error.Message, StringComparison.Ordinal);
            Assert.EndsWith("; stop it or run the web view inside it with `schedule --serve`", error.Message, StringComparison.Ordinal);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "refusal took " + watch.Elapsed);
        }
        finally
        {
            holder.StandardInput.WriteLine("release");
            holder.WaitForExit(10_000);
        }

        Assert.Equal(0, holder.ExitCode);
        using var after = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        Assert.Equal(Environment.ProcessId, after.Holder.ProcessId);
    }

    [Fact]
    public void A_lock_file_left_by_a_killed_process_is_taken_over()
    {
        var path = _temp.File("stale.db");
        using (var holder = ChildProcess.Start("hold", path))
        {
            Assert.True(ChildProcess.WaitForLine(holder, "holding", TimeSpan.FromSeconds(30)), "the holder never opened the store");
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }

        Assert.NotEqual(0, new FileInfo(path + ".lock").Length);

        using var store = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        Assert.Equal(Environment.ProcessId, store.Holder.ProcessId);
        Assert.Equal(Environment.ProcessId, LockHolderIn(path + ".lock")!.ProcessId);
    }

    [Fact]
    public void The_same_process_cannot_open_the_store_twice_and_can_after_closing_it()
    {
        var path = _temp.File("twice.db");
        using (LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }))
        {
            var error = Assert.Throws<StoreLockedException>(() => LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System }));
            Assert.Equal(Environment.ProcessId, error.Holder?.ProcessId);
        }

        using var again = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        Assert.Equal(Environment.ProcessId, again.Holder.ProcessId);
    }

    [Fact]
    public void Waiting_for_the_lock_gives_up_after_the_timeout()
    {
        var path = _temp.File("wait.db");
        using var first = LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System });
        var watch = Stopwatch.StartNew();

        Assert.Throws<StoreLockedException>(() => LiteStrategyStore.Open(path, new LiteStoreOptions { TimeProvider = TimeProvider.System, LockTimeout = TimeSpan.FromMilliseconds(400) }));

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(5));
    }

    private static LockHolder? LockHolderIn(string lockPath) => StoreLock.ReadHolder(lockPath);
}
