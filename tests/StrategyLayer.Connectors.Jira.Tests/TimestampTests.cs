using System.Globalization;
using StrategyLayer.Connectors.Text;
using Xunit;

namespace StrategyLayer.Connectors.Jira.Tests;

/// <summary>
/// Jira's timestamps are read on a fast path for the shape Jira always writes; these hold it to what
/// the exact-format parser says for the same text, valid or not.
/// </summary>
public sealed class TimestampTests
{
    [Theory]
    [InlineData("2026-11-20T12:34:56.000+0000")]
    [InlineData("2026-11-20T12:34:56.789-0530")]
    [InlineData("2024-02-29T23:59:59.999+1400")]
    [InlineData("2026-01-01T00:00:00.001+0100")]
    public void A_jira_timestamp_reads_the_same_instant_and_offset_as_the_exact_format_parser(string text)
    {
        Assert.True(JiraDates.TryParse(text, out var fast));
        Assert.True(FixedDate.TryParseWithMillisAndOffset(text, out var viaFastPath));
        var colon = text[..^2] + ":" + text[^2..];
        var exact = DateTimeOffset.ParseExact(colon, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

        Assert.Equal(exact, fast);
        Assert.Equal(exact.Offset, fast.Offset);
        Assert.Equal(exact.Offset, viaFastPath.Offset);
    }

    [Theory]
    [InlineData("2026-02-30T12:00:00.000+0000")]
    [InlineData("2026-11-20T24:00:00.000+0000")]
    [InlineData("2026-13-01T12:00:00.000+0000")]
    [InlineData("2026-11-20T12:60:00.000+0000")]
    [InlineData("2026-11-20 12:34:56.000+0000")]
    [InlineData("2026-11-2OT12:34:56.000+0000")]
    [InlineData("2026-11-20T12:34:56.000+1500")]
    public void Text_that_is_not_a_valid_timestamp_is_not_read_by_the_fast_path(string text)
    {
        Assert.False(FixedDate.TryParseWithMillisAndOffset(text, out _));
    }

    [Theory]
    [InlineData("2026-11-20T12:34:56+0000", "2026-11-20T12:34:56+00:00")]
    [InlineData("2026-11-20T12:34:56.5Z", "2026-11-20T12:34:56.5+00:00")]
    [InlineData("2026-12-01", "2026-12-01T00:00:00+00:00")]
    public void Other_forms_jira_writes_still_read_through_the_exact_formats(string text, string expected)
    {
        Assert.True(JiraDates.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2026-11-20 12:34:56")]
    [InlineData("2024-02-29 00:00:00")]
    public void A_servicenow_stored_time_reads_as_the_same_utc_instant_as_the_exact_format_parser(string text)
    {
        Assert.True(FixedDate.TryParseUtc(text, out var fast));
        var exact = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        Assert.Equal(exact, fast);
        Assert.Equal(DateTimeKind.Utc, fast.Kind);
        Assert.False(FixedDate.TryParseUtc("2026-02-29 00:00:00", out _));
    }
}
