using System.Globalization;
using System.Net;
using System.Text;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Rendering;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// A small inline SVG of planned (dashed) against actual (solid) per period, with a value axis
/// (its lowest and highest value), the periods under it and the latest values beside the lines,
/// in type that stays readable on paper (11 px, 8.25 pt at 100 %). Generated here from numbers
/// only; the one text from outside (the measure's name, in the title) is escaped, so it is safe
/// to write unescaped.
/// </summary>
internal static class TrendChart
{
    private const double Width = 250;
    private const double Height = 92;
    private const double Left = 38;   // the value axis and its labels
    private const double Right = 44;  // the latest values
    private const double Top = 8;
    private const double Bottom = 18; // the period labels
    private const string Type = "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" font-size=\"11\"";

    public static TrustedHtml Render(string measureName, IReadOnlyList<TrendPoint> points, string unit)
    {
        var values = points.SelectMany(p => new[] { p.Planned, p.Actual }).OfType<double>().ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(Title(measureName, points, unit))).Append("</title>");
        if (values.Count == 0 || points.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{Height / 2}\" {Type} fill=\"#555\">no data</text></svg>");
            return new TrustedHtml(svg.ToString());
        }

        var min = Math.Min(0, values.Min());
        var max = values.Max();
        if (max - min < 1e-9)
        {
            max = min + 1;
        }

        var plotRight = Width - Right;
        var plotBottom = Height - Bottom;
        double X(int i) => points.Count == 1 ? (Left + plotRight) / 2 : Left + 6 + (i * (plotRight - Left - 12) / (points.Count - 1));
        double Y(double v) => plotBottom - ((v - min) / (max - min) * (plotBottom - Top));

        // The value axis: a line, the lowest and the highest value.
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{plotBottom}\" stroke=\"#666\" stroke-width=\"1\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{plotBottom}\" x2=\"{plotRight}\" y2=\"{plotBottom}\" stroke=\"#666\" stroke-width=\"1\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{plotRight}\" y2=\"{Top}\" stroke=\"#ddd\" stroke-width=\"1\"/>");
        Label(svg, Left - 4, Top + 4, "end", Short(max), "#333");
        Label(svg, Left - 4, plotBottom + 4, "end", Short(min), "#333");

        // The periods under the axis (every other one when there are many).
        var step = points.Count > 7 ? 2 : 1;
        for (var i = 0; i < points.Count; i++)
        {
            if (i % step == 0 || i == points.Count - 1)
            {
                Label(svg, X(i), Height - 4, "middle", PeriodLabel(points[i].Period), "#333");
            }
        }

        Line(svg, points.Select((p, i) => (p.Planned, X(i))).ToList(), Y, "#777", "4 3", "planned");
        Line(svg, points.Select((p, i) => (p.Actual, X(i))).ToList(), Y, "#1f5fa8", null, "actual");

        // The latest values, beside the lines' last points (kept apart when they would overlap).
        var lastActual = points.Select((p, i) => (p.Actual, i)).LastOrDefault(p => p.Actual is not null);
        var lastPlanned = points.Select((p, i) => (p.Planned, i)).LastOrDefault(p => p.Planned is not null);
        double? actualY = lastActual.Actual is { } a ? Y(a) + 4 : null;
        double? plannedY = lastPlanned.Planned is { } pl ? Y(pl) + 4 : null;
        if (actualY is { } ay && plannedY is { } py && Math.Abs(ay - py) < 12)
        {
            (actualY, plannedY) = ay <= py ? (Math.Max(Top + 4, ay - 6), py + 6) : (ay + 6, Math.Max(Top + 4, py - 6));
        }

        if (lastActual.Actual is { } actual)
        {
            Label(svg, plotRight + 4, actualY!.Value, "start", Short(actual), "#1f5fa8", bold: true);
        }

        if (lastPlanned.Planned is { } planned)
        {
            Label(svg, plotRight + 4, plannedY!.Value, "start", Short(planned), "#555");
        }

        svg.Append("</svg>");
        return new TrustedHtml(svg.ToString());
    }

    private static void Label(StringBuilder svg, double x, double y, string anchor, string text, string colour, bool bold = false) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" {Type} fill=\"{colour}\"{(bold ? " font-weight=\"bold\"" : "")}>{WebUtility.HtmlEncode(text)}</text>");

    private static void Line(StringBuilder svg, List<(double? Value, double X)> points, Func<double, double> y, string colour, string? dash, string cls)
    {
        var present = points.Where(p => p.Value is not null).ToList();
        if (present.Count == 0)
        {
            return;
        }

        var coords = string.Join(" ", present.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{y(p.Value!.Value):0.#}")));
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"{cls}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"");
        if (dash is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $" stroke-dasharray=\"{dash}\"");
        }

        svg.Append(CultureInfo.InvariantCulture, $" points=\"{coords}\"/>");
        foreach (var p in present)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{p.X:0.#}\" cy=\"{y(p.Value!.Value):0.#}\" r=\"2.5\" fill=\"{colour}\"/>");
        }
    }

    /// <summary>A month as its short name (<c>Nov</c>), a quarter as <c>Q4</c>, a week as <c>W48</c>.</summary>
    private static string PeriodLabel(string period) =>
        ReportingPeriod.TryParse(period, out var p)
            ? p.Kind switch
            {
                PeriodKind.Month => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(p.Number),
                PeriodKind.Quarter => "Q" + p.Number.ToString(CultureInfo.InvariantCulture),
                _ => "W" + p.Number.ToString(CultureInfo.InvariantCulture),
            }
            : period;

    /// <summary>A value short enough for the axis: 1234 as 1.2k, 37.5 as 37.5.</summary>
    private static string Short(double value) =>
        Math.Abs(value) >= 10_000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : value.ToString(Math.Abs(value) >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);

    private static string Title(string name, IReadOnlyList<TrendPoint> points, string unit) =>
        name + ": " + string.Join("; ", points.Select(p =>
            p.Period + " planned " + (p.Planned is { } pl ? StatusRules.Num(pl, unit) : "-")
            + ", actual " + (p.Actual is { } ac ? StatusRules.Num(ac, unit) : "-")));
}
