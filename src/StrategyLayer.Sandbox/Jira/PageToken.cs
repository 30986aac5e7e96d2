using System.Globalization;
using System.Text;
using StrategyLayer.Sandbox.Data;

namespace StrategyLayer.Sandbox.Jira;

/// <summary>Opaque nextPageToken: the offset bound to the query it came from.</summary>
internal static class PageToken
{
    public static string Encode(string? jql, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{offset}:{Fingerprint(jql)}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int Decode(string token, string? jql)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - (b64.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split(':');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && parts[1] == Fingerprint(jql))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new JqlException("The provided next page token is invalid or expired.");
    }

    private static string Fingerprint(string? jql)
    {
        ulong h = 1469598103934665603UL;
        foreach (var c in jql ?? "")
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return DeterministicRandom.Mix(h).ToString("x16", CultureInfo.InvariantCulture);
    }
}
