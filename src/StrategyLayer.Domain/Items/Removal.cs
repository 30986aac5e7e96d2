namespace StrategyLayer.Domain.Items;

/// <summary>Why an item is no longer upstream, and when we noticed.</summary>
public sealed record Removal(RemovalReason Reason, DateTimeOffset DetectedAt);

public enum RemovalReason
{
    /// <summary>Deleted upstream, or no longer visible to our credentials (the API cannot tell).</summary>
    Deleted,

    /// <summary>Still readable, but no longer matches the configured scope.</summary>
    OutOfScope,
}
