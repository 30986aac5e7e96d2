namespace StrategyLayer.Web;

/// <summary>
/// A whole-store figure reused for a while: reading every mapping (or a big team's items) per request
/// would not stay fast on a large store. Once stale, the old value is still served while one
/// background read replaces it, so only the very first request waits for the read.
/// </summary>
internal sealed class Cached<T>(Func<T> load, TimeSpan lifetime, TimeProvider time)
    where T : class
{
    private readonly Lock gate = new();
    private T? value;
    private DateTimeOffset loadedAt;
    private bool refreshing;

    public T Get()
    {
        lock (gate)
        {
            if (value is null)
            {
                value = load();
                loadedAt = time.GetUtcNow();
                return value;
            }

            if (time.GetUtcNow() - loadedAt < lifetime || refreshing)
            {
                return value;
            }

            refreshing = true;
        }

        _ = Task.Run(Refresh);
        return value;
    }

    /// <summary>The value if one was read already (however old); else null, with a read started in the background.</summary>
    public T? Peek()
    {
        lock (gate)
        {
            if (value is not null)
            {
                return Get();
            }

            if (refreshing)
            {
                return null;
            }

            refreshing = true;
        }

        _ = Task.Run(Refresh);
        return null;
    }

    private void Refresh()
    {
        try
        {
            var fresh = load();
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
