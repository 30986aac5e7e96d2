namespace StrategyLayer.Web;

/// <summary>A whole-store figure reused for a short while: reading every mapping per request would not stay fast on a large store.</summary>
internal sealed class Cached<T>(Func<T> load, TimeSpan lifetime, TimeProvider time)
    where T : class
{
    private readonly Lock gate = new();
    private T? value;
    private DateTimeOffset loadedAt;

    public T Get()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (value is null || now - loadedAt >= lifetime)
            {
                value = load();
                loadedAt = now;
            }

            return value;
        }
    }
}
