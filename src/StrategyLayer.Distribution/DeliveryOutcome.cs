namespace StrategyLayer.Distribution;

/// <summary>One delivery's fate in this run. <see cref="DeliveryId"/> is null when none was written (unknown channel).</summary>
public sealed record DeliveryOutcome(
    string? DeliveryId,
    string Audience,
    string Channel,
    string? Recipient,
    DeliveryStatus Status,
    string? Error = null,
    DateTimeOffset? NextAttempt = null);
