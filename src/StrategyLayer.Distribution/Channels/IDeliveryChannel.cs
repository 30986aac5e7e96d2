using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Distribution.Channels;

/// <summary>Delivers one message through one configured channel, or throws <see cref="DeliveryException"/>.</summary>
public interface IDeliveryChannel
{
    /// <summary>The channel <c>type</c> this delivers (<c>email</c>, <c>folder</c>, <c>webhook</c>).</summary>
    string Type { get; }

    /// <summary>The recipients one pack fans out to on this channel; a single null when the channel has none.</summary>
    IReadOnlyList<string?> Recipients(ChannelSettings channel);

    Task SendAsync(ChannelSettings channel, OutgoingMessage message, CancellationToken cancellationToken);
}
