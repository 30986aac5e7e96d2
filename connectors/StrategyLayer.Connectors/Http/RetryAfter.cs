using System.Globalization;
using RestSharp;

namespace StrategyLayer.Connectors.Http;

/// <summary>How long a server asked us to wait: Retry-After (seconds or HTTP date), else X-RateLimit-Reset.</summary>
public static class RetryAfter
{
    public static TimeSpan? From(RestResponse response, TimeProvider time, TimeSpan cap)
    {
        var wait = Parse(Header(response, "Retry-After"), time) ?? ParseReset(Header(response, "X-RateLimit-Reset"), time);
        if (wait is null)
        {
            return null;
        }

        return wait.Value < TimeSpan.Zero ? TimeSpan.Zero : (wait.Value > cap ? cap : wait.Value);
    }

    public static string? Header(RestResponse response, string name)
    {
        foreach (var h in response.Headers ?? [])
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return h.Value;
            }
        }

        foreach (var h in response.ContentHeaders ?? [])
        {
            if (string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return h.Value;
            }
        }

        return null;
    }

    private static TimeSpan? Parse(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow()
            : null;
    }

    /// <summary>Jira sends an ISO instant; ServiceNow a Unix time in seconds.</summary>
    private static TimeSpan? ParseReset(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix))
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix) - time.GetUtcNow();
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow()
            : null;
    }
}
