namespace StrategyLayer.Distribution;

/// <summary>Per channel: how many deliveries were sent, skipped as already sent, and failed.</summary>
public sealed record ChannelOutcome(string Channel, int Sent, int AlreadySent, int Failed)
{
    public bool Ok => Failed == 0;
}
