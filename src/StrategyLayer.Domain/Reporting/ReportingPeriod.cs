using System.Globalization;
using System.Text.RegularExpressions;

namespace StrategyLayer.Domain.Reporting;

/// <summary>
/// A month (<c>2026-11</c>), quarter (<c>2026-Q4</c>) or ISO week (<c>2026-W48</c>), as dates in
/// the configured time zone. <see cref="Start"/> is inclusive, <see cref="End"/> exclusive.
/// </summary>
public sealed partial record ReportingPeriod(PeriodKind Kind, int Year, int Number)
{
    public string Name => Kind switch
    {
        PeriodKind.Month => $"{Year:D4}-{Number:D2}",
        PeriodKind.Quarter => $"{Year:D4}-Q{Number}",
        _ => $"{Year:D4}-W{Number:D2}",
    };

    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        _ => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
    };

    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1),
        PeriodKind.Quarter => Start.AddMonths(3),
        _ => Start.AddDays(7),
    };

    public ReportingPeriod Previous => Kind switch
    {
        PeriodKind.Month => Containing(Start.AddDays(-1), Kind),
        PeriodKind.Quarter => Containing(Start.AddDays(-1), Kind),
        _ => Containing(Start.AddDays(-1), Kind),
    };

    /// <summary>The instant the period ends, in the given time zone.</summary>
    public DateTimeOffset EndInstant(TimeZoneInfo zone)
    {
        var local = End.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public DateTimeOffset StartInstant(TimeZoneInfo zone)
    {
        var local = Start.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static ReportingPeriod Containing(DateOnly day, PeriodKind kind) => kind switch
    {
        PeriodKind.Month => new ReportingPeriod(kind, day.Year, day.Month),
        PeriodKind.Quarter => new ReportingPeriod(kind, day.Year, ((day.Month - 1) / 3) + 1),
        _ => new ReportingPeriod(kind, ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
    };

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = new ReportingPeriod(PeriodKind.Month, 1, 1);
        if (text is null)
        {
            return false;
        }

        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = new ReportingPeriod(PeriodKind.Month, year, month);
            return true;
        }

        if (m.Groups["q"].Success)
        {
            period = new ReportingPeriod(PeriodKind.Quarter, year, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture));
            return true;
        }

        var week = int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        period = new ReportingPeriod(PeriodKind.Week, year, week);
        return true;
    }

    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a period: use YYYY-MM, YYYY-Qn or YYYY-Www.");

    public override string ToString() => Name;

    [GeneratedRegex(@"^(?<y>\d{4})-(?:(?<m>\d{2})|[Qq](?<q>[1-4])|[Ww](?<w>\d{2}))$")]
    private static partial Regex Pattern();
}

public enum PeriodKind
{
    Month,
    Quarter,
    Week,
}
