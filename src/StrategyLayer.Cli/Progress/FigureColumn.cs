using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace StrategyLayer.Cli.Progress;

/// <summary>
/// The figures beside a bar: <c>45% 1,234 of ~2,740 items, about 12 s left</c> when the total is
/// known, <c>1,234 items</c> when it is not, the outcome once the row is finished.
/// </summary>
internal sealed class FigureColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        if (task.Tag is not RowState row)
        {
            return Text.Empty;
        }

        var count = row.Done.ToString("N0", CultureInfo.InvariantCulture);
        if (row.Finished)
        {
            var elapsed = row.Took is { } e ? $" in {e.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "";
            var figures = row.Done > 0 ? $"{count} {(row.Done == 1 ? row.Unit.TrimEnd('s') : row.Unit)}" : "";
            return new Markup(Markup.Escape(row.Outcome is { Length: > 0 } o ? o : (figures + elapsed).Trim()), new Style(Color.Grey));
        }

        if (row.Total is { } total && total > 0)
        {
            var percent = (row.Done / total).ToString("0%", CultureInfo.InvariantCulture);
            var left = task.RemainingTime is { } r && row.Done > 0 ? $", about {Math.Ceiling(r.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} s left" : "";
            return new Markup(Markup.Escape($"{percent} {count} of ~{total.ToString("N0", CultureInfo.InvariantCulture)} {row.Unit}{left}"));
        }

        return new Markup(Markup.Escape(row.Done > 0 ? $"{count} {row.Unit}" : ""));
    }
}
