using Microsoft.Extensions.Logging;
using StrategyLayer.Distribution;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Reporting;
using StrategyLayer.Sync;

namespace StrategyLayer.Application;

/// <summary>
/// Distribute: the current period's pack for each audience (or one), built beside the store and
/// delivered through its channels with the outbox retried first, and the exception notices sent.
/// </summary>
public sealed class DistributeUseCase(IRunContext context, ConfiguredStrategy strategy, ReportUseCase reports)
{
    /// <summary>
    /// Builds and delivers; records no run. <paramref name="syncedNow"/> is the sync that ran just
    /// before in the same run, if one did (its failures are the packs' freshness notes).
    /// </summary>
    public async Task<Distributed> DistributeAsync(string? audience, IReadOnlyList<SyncReport>? syncedNow, CancellationToken ct)
    {
        var config = await context.ConfigAsync(ct).ConfigureAwait(false);
        var audiences = config.Audiences.Where(a => audience is null || a.Name == audience).ToList();
        if (audience is not null && audiences.Count == 0)
        {
            throw new StrategyLayerException($"no audience named '{audience}' in {config.File}", ErrorKind.Usage);
        }

        var period = await strategy.CurrentPeriodAsync(ct).ConfigureAwait(false);
        var packsFolder = Path.Combine(Path.GetDirectoryName(context.StorePath)!, "packs", period.Name);
        var store = await context.StoreAsync(ct).ConfigureAwait(false);

        // Deliveries are claimed through the store's locks: across a cluster's nodes on PostgreSQL.
        var distributor = new PackDistributor(store, config.Channels, config.Audiences, context.Time, context.Logs.CreateLogger<PackDistributor>(), options: DistributionOptions.Default with { Node = context.Node }, locks: store);
        var result = await distributor.RetryPendingAsync(ct).ConfigureAwait(false);
        var packs = new List<PackToDeliver>();
        var pdfProblems = new List<string>();
        var notices = new List<ExceptionNotice>();
        PeriodReport? document = null;
        foreach (var a in audiences)
        {
            var report = await reports.WriteAsync(new PackOrder(period, packsFolder, a.Template, a.Team, a.Format), syncedNow, ct).ConfigureAwait(false);
            document ??= report.Report;
            if (report.PdfProblem is not null)
            {
                pdfProblems.Add(report.PdfProblem);
            }

            var model = report.Packs[0].Model;
            packs.Add(new PackToDeliver(a, period, report.Files, PackPolicy.Summary(model), PackPolicy.Link(config.WebBaseUrl, a), PackPolicy.Version(model, a)));
            notices.AddRange(PackPolicy.Exceptions(model, config.WebBaseUrl));
        }

        result = result.Concat(await distributor.DistributeAsync(packs, ct).ConfigureAwait(false));
        var distinct = notices.DistinctBy(n => (n.Kind, n.Key)).ToList();
        if (distinct.Count > 0)
        {
            result = result.Concat(await distributor.NotifyExceptionsAsync(period, distinct, ct).ConfigureAwait(false));
        }

        // With no audience no pack is built; the summary still states the period's figures.
        document ??= await (await reports.BuilderAsync(ct).ConfigureAwait(false)).ReportAsync(period, ct).ConfigureAwait(false);
        return new Distributed(document, result, pdfProblems.FirstOrDefault());
    }
}
