using System.Globalization;
using System.Net;
using System.Text;
using StrategyLayer.Reporting.Model;

namespace StrategyLayer.Reporting.Building;

/// <summary>
/// A small inline SVG of planned (dashed) against actual (solid) per period. Generated here from
/// numbers only; the one text in it (the title) is escaped, so it is safe to write unescaped.
/// </summary>
internal static class TrendChart
{
    private const double Width = 180;
    private const double Height = 48;
    private const double Pad = 5;

    public static TrustedHtml Render(string measureName, IReadOnlyList<TrendPoint> points, string unit)
    {
        var values = points.SelectMany(p => new[] { p.Planned, p.Actual }).OfType<double>().ToList();
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(Title(measureName, points, unit))).Append("</title>");
        if (values.Count == 0 || points.Count == 0)
        {
            svg.Append("<text x=\"4\" y=\"28\" font-size=\"10\" fill=\"#777\">no data</text></svg>");
            return new TrustedHtml(svg.ToString());
        }

        var min = Math.Min(0, values.Min());
        var max = values.Max();
        if (max - min < 1e-9)
        {
            max = min + 1;
        }

        double X(int i) => points.Count == 1 ? Width / 2 : Pad + (i * (Width - (2 * Pad)) / (points.Count - 1));
        double Y(double v) => Height - Pad - ((v - min) / (max - min) * (Height - (2 * Pad)));

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Pad}\" y1=\"{Y(min):0.#}\" x2=\"{Width - Pad}\" y2=\"{Y(min):0.#}\" stroke=\"#ccc\" stroke-width=\"1\"/>");
        Line(svg, points.Select((p, i) => (p.Planned, X(i))).ToList(), Y, "#888", "4 3", "planned");
        Line(svg, points.Select((p, i) => (p.Actual, X(i))).ToList(), Y, "#1f5fa8", null, "actual");
        svg.Append("</svg>");
        return new TrustedHtml(svg.ToString());
    }

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
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{p.X:0.#}\" cy=\"{y(p.Value!.Value):0.#}\" r=\"2\" fill=\"{colour}\"/>");
        }
    }

    private static string Title(string name, IReadOnlyList<TrendPoint> points, string unit) =>
        name + ": " + string.Join("; ", points.Select(p =>
            p.Period + " planned " + (p.Planned is { } pl ? StatusRules.Num(pl, unit) : "-")
            + ", actual " + (p.Actual is { } ac ? StatusRules.Num(ac, unit) : "-")));
}
