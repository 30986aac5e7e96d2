using StrategyLayer.Domain.Runs;

namespace StrategyLayer.Distribution.Channels;

/// <summary>What a channel sends for one delivery: the outbox entry plus the rendered subject and text.</summary>
public sealed record OutgoingMessage(Delivery Delivery, string Subject, string Text)
{
    /// <summary>The Message-ID (without angle brackets): stable per delivery, so a repeat is recognisable.</summary>
    public string MessageId => $"{Delivery.Id}@strategylayer";

    /// <summary>An exception notice carries no files.</summary>
    public bool IsNotice => Delivery.Files.Count == 0;
}
