using StrategyLayer.Reporting.Snapshots;

namespace StrategyLayer.Reporting;

/// <summary>
/// Builds a period once and writes its packs as HTML, named <c>{template}[-{team}]-{period}.html</c>.
/// PDF printing is the caller's (StrategyLayer.Reporting.Pdf), so this project carries no browser.
/// </summary>
public sealed class PackWriter(ReportBuilder builder, PackRenderer renderer)
{
    public async Task<IReadOnlyList<WrittenPack>> WriteAsync(PackRequest request, CancellationToken cancellationToken)
    {
        var data = await builder.SnapshotPeriodAsync(request.Period, request.AsOf, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(request, data, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the packs of a period already prepared (<see cref="ReportBuilder.SnapshotPeriodAsync(Domain.Reporting.ReportingPeriod, DateTimeOffset?, CancellationToken)"/>).</summary>
    public async Task<IReadOnlyList<WrittenPack>> WriteAsync(PackRequest request, PeriodData data, CancellationToken cancellationToken)
    {
        var written = new List<WrittenPack>();
        foreach (var (template, scope) in Plan(request, data))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = await builder.BuildAsync(data, scope, request.Suggestions, cancellationToken).ConfigureAwait(false);
            model = model with { Template = template };
            var path = Path.Combine(request.OutFolder, PackFileName.For(template, scope.Team, model.Period, "html"));
            await renderer.RenderAsync(template, model, path, cancellationToken).ConfigureAwait(false);
            written.Add(new WrittenPack(template, scope.Team, model.Period, path, model.Title, model));
        }

        return written;
    }

    private static IEnumerable<(string Template, ReportScope Scope)> Plan(PackRequest request, PeriodData data)
    {
        var teams = data.Aggregates.UntrackedByTeam.Select(t => t.Team).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (request.Template is null)
        {
            yield return ("portfolio-pack", ReportScope.Portfolio);
            yield return ("untracked", ReportScope.Untracked);
            foreach (var team in request.Team is null ? teams : [request.Team])
            {
                yield return ("delivery-lead", ReportScope.ForTeam(team));
            }

            yield break;
        }

        if (request.Template == "untracked")
        {
            yield return (request.Template, ReportScope.Untracked);
        }
        else if (request.Template == "delivery-lead" || request.Team is not null)
        {
            foreach (var team in request.Team is null ? teams : [request.Team])
            {
                yield return (request.Template, ReportScope.ForTeam(team));
            }
        }
        else
        {
            yield return (request.Template, ReportScope.Portfolio);
        }
    }
}
