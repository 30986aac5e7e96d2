using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Mapping.Files;
using StrategyLayer.Reporting;

namespace StrategyLayer.Application;

/// <summary>The strategy tree and rules the config names, and the periods read by the host's clock.</summary>
public sealed class ConfiguredStrategy(IRunContext context)
{
    /// <summary>
    /// The strategy tree and rules named in config; problems are thrown together (exit 2). A tree written
    /// relative to a month (<c>periodsRelativeTo</c>, the demo's) is read in the current period.
    /// </summary>
    public async Task<MappingFiles> LoadAsync(CancellationToken ct)
    {
        var config = await context.ConfigAsync(ct).ConfigureAwait(false);
        var files = await MappingFiles.LoadOrThrowAsync(config.Strategy, config.Rules, config.CustomFields, ct).ConfigureAwait(false);
        return files with { Tree = files.Tree.AnchoredTo(ReportBuilder.CurrentPeriod(context.Time, config.TimeZone)) };
    }

    /// <summary>The running month in the configured time zone, by the host's clock.</summary>
    public async Task<ReportingPeriod> CurrentPeriodAsync(CancellationToken ct) =>
        ReportBuilder.CurrentPeriod(context.Time, (await context.ConfigAsync(ct).ConfigureAwait(false)).TimeZone);

    /// <summary>The period a report is for: the one named, or the current one in the configured time zone.</summary>
    public async Task<ReportingPeriod> PeriodAsync(string? name, CancellationToken ct)
    {
        if (name is null)
        {
            return await CurrentPeriodAsync(ct).ConfigureAwait(false);
        }

        return ReportingPeriod.TryParse(name, out var period)
            ? period
            : throw new StrategyLayerException($"'{name}' is not a period: use YYYY-MM, YYYY-Qn or YYYY-Www", ErrorKind.Usage);
    }
}
