namespace StrategyLayer.Domain.Runs;

/// <summary>
/// One pack on its way to one channel, kept in the outbox before it is sent. <see cref="Id"/> is
/// stable per (audience, channel, recipient, period, pack version): a repeat is recognisable.
/// </summary>
public sealed record Delivery
{
    public required string Id { get; init; }
    public required string Audience { get; init; }
    public required string Channel { get; init; }
    public string? Recipient { get; init; }
    public required string Period { get; init; }
    public required string PackVersion { get; init; }
    public IReadOnlyList<string> Files { get; init; } = [];
    public string? Summary { get; init; }

    /// <summary>The web view's link for the pack, kept so a retry sends the same message.</summary>
    public string? Link { get; init; }

    public DeliveryState State { get; init; } = DeliveryState.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttempt { get; init; }
    public string? LastError { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset? Sent { get; init; }

    /// <summary>
    /// The process (node) whose attempt began at <see cref="AttemptStarted"/> and has not recorded
    /// its outcome: one in progress, or one cut short (its process died or was stopped mid-send),
    /// when its message may or may not have gone out. Null once an outcome is recorded.
    /// </summary>
    public string? AttemptBy { get; init; }

    public DateTimeOffset? AttemptStarted { get; init; }
}

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,
}
