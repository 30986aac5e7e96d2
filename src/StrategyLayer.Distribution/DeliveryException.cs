using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Distribution;

/// <summary>A channel refused or failed one delivery; names the channel (never its secrets).</summary>
public sealed class DeliveryException : StrategyLayerException
{
    public DeliveryException(string channel, string message, Exception? inner = null)
        : base($"channel '{channel}': {message}", ErrorKind.Runtime, channel, inner)
    {
        Channel = channel;
    }

    public string Channel { get; }
}
