using System.Globalization;
using System.Text.RegularExpressions;
using StrategyLayer.Domain.Items;

namespace StrategyLayer.Mapping.Query;

internal sealed partial class QueryCompiler
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy/MM/dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
    ];

    private Func<WorkItem, bool>? CompareDate(FieldDef field, CompareOp op, QueryValue value, int opAt)
    {
        if (op == CompareOp.Contains)
        {
            Error(opAt >= 0 ? opAt : value.Start, $"'~' (contains) does not apply to the date field {field.Name}");
            return null;
        }

        if (!TryDate(value.Text, out var from, out var to))
        {
            Error(value.Start, $"{field.Name} is a date: '{value.Text}' is not one (use 2026-11-01, \"2026-11-01 10:00\", -180d, -2w, -6h, -30m or now)");
            return null;
        }

        var get = field.Date!;

        // A whole day is a range [from, to): "created = 2026-11-01" means during that day.
        Func<WorkItem, bool> eq = i => get(i) is { } d && d >= from && d < to;
        return op switch
        {
            CompareOp.Equal => eq,
            CompareOp.NotEqual => i => !eq(i),
            CompareOp.Less => i => get(i) is { } d && d < from,
            CompareOp.LessOrEqual => i => get(i) is { } d && d < to,
            CompareOp.Greater => i => get(i) is { } d && d >= to,
            _ => i => get(i) is { } d && d >= from,
        };
    }

    /// <summary>A point in time gives [t, t + 1 tick); a calendar day gives [day, next day), both UTC.</summary>
    private bool TryDate(string text, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = to = default;
        var t = text.Trim();
        if (string.Equals(t, "now", Ci))
        {
            _relative.Add(TimeSpan.Zero);
            from = asOf;
            to = asOf.AddTicks(1);
            return true;
        }

        var m = Relative().Match(t);
        if (m.Success)
        {
            if (!long.TryParse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                return false;
            }

            var sign = m.Groups["s"].Value == "-" ? -1 : 1;
            var unit = m.Groups["u"].Value.ToLowerInvariant();
            var offset = unit switch
            {
                "y" => TimeSpan.FromDays(365 * n),
                "w" => TimeSpan.FromDays(7 * n),
                "d" => TimeSpan.FromDays(n),
                "h" => TimeSpan.FromHours(n),
                _ => TimeSpan.FromMinutes(n),
            } * sign;
            _relative.Add(offset);
            from = asOf + offset;
            to = from.AddTicks(1);
            return true;
        }

        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            to = from.AddDays(1);
            return true;
        }

        if (DateTimeOffset.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            || (t.Length >= 16 && char.IsAsciiDigit(t[0]) && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at)))
        {
            from = at;
            to = at.AddTicks(1);
            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^(?<s>[+-]?)(?<n>\d{1,9})(?<u>[ywdhmYWDHM])$")]
    private static partial Regex Relative();
}
