namespace StrategyLayer.Store.Specification;

/// <summary>The role "locks" (<see cref="IStoreLocks"/>): one holder per name, across every user of the store.</summary>
public abstract class LockSpecification<TFixture>(TFixture fixture) : StoreSpecification<TFixture>(fixture)
    where TFixture : class, IStoreFixture
{
    [Fact]
    public async Task A_lock_that_is_held_is_refused_at_once_until_its_holder_lets_it_go()
    {
        var store = await NewStoreAsync();

        var first = await store.TryLockAsync("job:report", None);
        var second = await store.TryLockAsync("job:report", None);
        Assert.NotNull(first);
        Assert.Null(second);
        await first.DisposeAsync();
        await using var third = await store.TryLockAsync("job:report", None);

        Assert.NotNull(third);
    }

    [Fact]
    public async Task Locks_of_different_names_do_not_meet()
    {
        var store = await NewStoreAsync();

        await using var report = await store.TryLockAsync("job:report", None);
        await using var sync = await store.TryLockAsync("job:sync", None);

        Assert.NotNull(report);
        Assert.NotNull(sync);
    }

    [Fact]
    public async Task Waiting_for_a_lock_ends_when_its_holder_lets_it_go_and_can_be_cancelled()
    {
        var store = await NewStoreAsync();
        var held = await store.LockAsync("start", None);

        using var cancel = new CancellationTokenSource();
        var cancelled = store.LockAsync("start", cancel.Token);
        var waiting = store.LockAsync("start", None);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Null(await store.TryLockAsync("start", None));
    }
}
