using System.Globalization;
using StrategyLayer.Connectors.Text;

namespace StrategyLayer.Connectors.Jira;

/// <summary>Jira's timestamps (<c>2026-11-20T12:34:56.000+0000</c>) and dates (<c>2026-12-01</c>), offsets kept.</summary>
internal static class JiraDates
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ssFFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (FixedDate.TryParseWithMillisAndOffset(text, out value))
        {
            return true;
        }

        var s = text.Trim();
        // Jira writes the offset without a colon (+0000), which .NET's "zzz" does not read.
        if (s.Length > 5 && (s[^5] == '+' || s[^5] == '-') && s[^4..].All(char.IsAsciiDigit))
        {
            s = s[..^2] + ":" + s[^2..];
        }

        return DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
