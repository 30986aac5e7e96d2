using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Store;

/// <summary>Role: reading run history and the distribution outbox.</summary>
public interface IRunReader
{
    /// <summary>The newest <paramref name="count"/> runs (of one job when given), newest first by start time.</summary>
    Task<IReadOnlyList<RunRecord>> RecentRunsAsync(int count, string? job, CancellationToken cancellationToken);

    /// <summary>One delivery by id, or null.</summary>
    Task<Delivery?> GetDeliveryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Deliveries (in one state when given), oldest first by creation time, then by id (ordinal).</summary>
    Task<IReadOnlyList<Delivery>> OutboxAsync(DeliveryState? state, CancellationToken cancellationToken);
}
