using System.Security.Cryptography;
using System.Text;

namespace StrategyLayer.Distribution;

/// <summary>
/// The stable identity of one delivery: the same (audience, channel, recipient, period, pack
/// version) always gives the same id, so a repeat is recognisable (it is also the Message-ID).
/// </summary>
public static class DeliveryKey
{
    public static string For(string audience, string channel, string? recipient, string period, string packVersion)
    {
        // Unit separators keep ("ab", "c") and ("a", "bc") apart.
        var text = string.Join('\u001f', audience, channel, recipient?.Trim().ToLowerInvariant() ?? "", period, packVersion);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
