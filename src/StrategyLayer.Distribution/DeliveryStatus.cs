namespace StrategyLayer.Distribution;

/// <summary>What happened to one delivery in this run.</summary>
public enum DeliveryStatus
{
    /// <summary>Delivered now.</summary>
    Sent,

    /// <summary>Already delivered earlier (same pack version for the period): not sent again.</summary>
    AlreadySent,

    /// <summary>Could not be delivered now; kept in the outbox for a retry.</summary>
    Failed,

    /// <summary>Being sent by another process right now (it holds the delivery's claim): left to it.</summary>
    InProgress,
}
