namespace StrategyLayer.Distribution;

/// <summary>Everything one distribution (or retry) did. The CLI exits 3 when <see cref="AnyFailed"/>.</summary>
public sealed record DistributionResult(IReadOnlyList<DeliveryOutcome> Deliveries)
{
    public static DistributionResult Empty { get; } = new([]);

    public IReadOnlyList<ChannelOutcome> Channels =>
        Deliveries
            .GroupBy(d => d.Channel, StringComparer.Ordinal)
            .Select(g => new ChannelOutcome(
                g.Key,
                g.Count(d => d.Status == DeliveryStatus.Sent),
                g.Count(d => d.Status == DeliveryStatus.AlreadySent),
                g.Count(d => d.Status == DeliveryStatus.Failed),
                g.Count(d => d.Status == DeliveryStatus.InProgress)))
            .OrderBy(c => c.Channel, StringComparer.Ordinal)
            .ToList();

    public bool AnyFailed => Deliveries.Any(d => d.Status == DeliveryStatus.Failed);

    public int Sent => Deliveries.Count(d => d.Status == DeliveryStatus.Sent);

    public DistributionResult Concat(DistributionResult other) => new([.. Deliveries, .. other.Deliveries]);
}
