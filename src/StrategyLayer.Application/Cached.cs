namespace StrategyLayer.Application;

/// <summary>
/// A whole-store figure reused for a while: reading every mapping (or a big team's items) per request
/// would not stay fast on a large store. Once stale, the old value is still served while one
/// background read replaces it, so only the very first request waits for the read.
/// </summary>
internal sealed class Cached<T>(Func<CancellationToken, Task<T>> load, TimeSpan lifetime, TimeProvider time)
    where T : class
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim first = new(1, 1);
    private T? value;
    private DateTimeOffset loadedAt;
    private bool refreshing;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } current)
        {
            return current;
        }

        // The first read: one caller reads, the others wait for it.
        await first.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Current() is { } meanwhile)
            {
                return meanwhile;
            }

            var loaded = await load(cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                value = loaded;
                loadedAt = time.GetUtcNow();
            }

            return loaded;
        }
        finally
        {
            first.Release();
        }
    }

    /// <summary>The value if one was read already (however old); else null, with a read started in the background.</summary>
    public T? Peek()
    {
        if (Current() is { } current)
        {
            return current;
        }

        lock (gate)
        {
            if (refreshing || value is not null)
            {
                return value;
            }

            refreshing = true;
        }

        _ = Task.Run(RefreshAsync);
        return null;
    }

    /// <summary>The value read already, starting a background refresh when it is stale; null before the first read.</summary>
    private T? Current()
    {
        lock (gate)
        {
            if (value is null)
            {
                return null;
            }

            if (time.GetUtcNow() - loadedAt < lifetime || refreshing)
            {
                return value;
            }

            refreshing = true;
        }

        _ = Task.Run(RefreshAsync);
        return value;
    }

    private async Task RefreshAsync()
    {
        try
        {
            var fresh = await load(CancellationToken.None).ConfigureAwait(false);
            lock (gate)
            {
                value = fresh;
                loadedAt = time.GetUtcNow();
            }
        }
        catch (Exception)
        {
            // Keep serving the last good value; the next request after the lifetime tries again.
        }
        finally
        {
            lock (gate)
            {
                refreshing = false;
            }
        }
    }
}
