namespace StrategyLayer.Connectors.Text;

/// <summary>
/// Reads the one timestamp shape a vendor writes on every record without the general date parser
/// (which compares each format's literals culture-aware and costs several microseconds a date):
/// fixed positions, ASCII digits, ranges checked; anything else answers false and the caller falls
/// back to its exact-format parse, so unusual forms still read and errors still name the field.
/// </summary>
public static class FixedDate
{
    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fff±hhmm</c> (the shape Jira writes every timestamp in).</summary>
    public static bool TryParseWithMillisAndOffset(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length != 28 || s[19] != '.' || (s[23] != '+' && s[23] != '-')
            || !TryDateTime(s, 'T', out var y, out var mo, out var d, out var h, out var mi, out var sec)
            || !TryDigits(s.Slice(20, 3), out var ms) || !TryDigits(s.Slice(24, 2), out var oh) || !TryDigits(s.Slice(26, 2), out var om)
            || oh > 14 || om > 59)
        {
            return false;
        }

        var offset = new TimeSpan(oh, om, 0);
        value = new DateTimeOffset(y, mo, d, h, mi, sec, ms, s[23] == '-' ? -offset : offset);
        return true;
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> read as UTC (ServiceNow's stored values).</summary>
    public static bool TryParseUtc(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length != 19 || !TryDateTime(s, ' ', out var y, out var mo, out var d, out var h, out var mi, out var sec))
        {
            return false;
        }

        value = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Utc);
        return true;
    }

    private static bool TryDateTime(ReadOnlySpan<char> s, char separator, out int y, out int mo, out int d, out int h, out int mi, out int sec)
    {
        mo = d = h = mi = sec = 0;
        return TryDigits(s[..4], out y) && s[4] == '-' && TryDigits(s.Slice(5, 2), out mo) && s[7] == '-' && TryDigits(s.Slice(8, 2), out d)
            && s[10] == separator && TryDigits(s.Slice(11, 2), out h) && s[13] == ':' && TryDigits(s.Slice(14, 2), out mi) && s[16] == ':'
            && TryDigits(s.Slice(17, 2), out sec)
            && y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && h < 24 && mi < 60 && sec < 60;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
