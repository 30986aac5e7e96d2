namespace StrategyLayer.Distribution;

/// <summary>
/// Per channel: how many deliveries were sent, skipped as already sent, failed, and left to another
/// process that was sending them at that moment.
/// </summary>
public sealed record ChannelOutcome(string Channel, int Sent, int AlreadySent, int Failed, int InProgress = 0)
{
    public bool Ok => Failed == 0;
}
