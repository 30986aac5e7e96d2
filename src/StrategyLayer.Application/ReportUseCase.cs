using Microsoft.Extensions.Logging;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping;
using StrategyLayer.Reporting;
using StrategyLayer.Reporting.Pdf;
using StrategyLayer.Sync;

namespace StrategyLayer.Application;

/// <summary>Report: a period's figures, and packs (HTML, and PDF when asked) written to a folder.</summary>
public sealed class ReportUseCase(IRunContext context, ConfiguredStrategy strategy, RunRecorder runs)
{
    /// <summary>
    /// The report builder every use case reads figures through (report, run, status, demo): one code path
    /// for a period's figures, as of the earlier of now and the period's end.
    /// </summary>
    public async Task<ReportBuilder> BuilderAsync(CancellationToken ct, StrategyTree? tree = null, IReadOnlyList<SyncReport>? syncedNow = null)
    {
        var config = await context.ConfigAsync(ct).ConfigureAwait(false);
        tree ??= (await strategy.LoadAsync(ct).ConfigureAwait(false)).Tree;
        var settings = ReportSettings.FromJson(config.StatusJson, config.File);
        var environment = new ReportEnvironment(config.TimeZone, config.WebBaseUrl, config.Sources.Select(s => s.Name).ToList())
        {
            SyncedNow = syncedNow?.GroupBy(s => s.Source).ToDictionary(g => g.Key, g => SyncReports.Failures(g.ToList())),
        };
        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        return new ReportBuilder(store, store, tree, new ItemFilterCompiler(config.CustomFields), settings, environment, context.Time, context.Logs.CreateLogger<ReportBuilder>());
    }

    /// <summary>
    /// The pack templates in <paramref name="folder"/> (the configured one), parsed: each problem
    /// with file, line and column. Checked before a verb that renders them starts, and by <c>validate</c>.
    /// </summary>
    public IReadOnlyList<Domain.Errors.Diagnostic> CheckTemplates(string folder) =>
        new PackRenderer(folder, context.Logs.CreateLogger<PackRenderer>()).Validate();

    /// <summary>Packs for a period as their own run (one <c>report</c> record).</summary>
    public Task<ReportOutcome> RunAsync(PackOrder order, CancellationToken ct) =>
        runs.RecordAsync("report", () => WriteAsync(order, null, ct), Outcome, ct);

    /// <summary>What a report's run record says: partial when the PDF could not be printed.</summary>
    public static JobOutcome Outcome(ReportOutcome outcome) =>
        new(outcome.PdfProblem is null ? RunResult.Succeeded : RunResult.Partial, new Dictionary<string, long> { ["files"] = outcome.Files.Count, ["untracked"] = outcome.Report.Untracked }, outcome.PdfProblem);

    /// <summary>
    /// Builds and writes packs (HTML, and PDF when asked); records no run (whoever started the run
    /// does). The result says which files were written and whether the PDF could not be printed
    /// (exit 3: the HTML is there). <paramref name="syncedNow"/> is the sync that ran just before,
    /// in the same run, if one did: its failures are the packs' freshness notes.
    /// </summary>
    public async Task<ReportOutcome> WriteAsync(PackOrder order, IReadOnlyList<SyncReport>? syncedNow, CancellationToken ct)
    {
        var (period, outFolder, format, asOf) = (order.Period, order.OutFolder, order.Format, order.AsOf);
        var config = await context.ConfigAsync(ct).ConfigureAwait(false);
        var store = await context.StoreAsync(ct).ConfigureAwait(false);
        var builder = await BuilderAsync(ct, syncedNow: syncedNow).ConfigureAwait(false);
        var renderer = new PackRenderer(config.Templates, context.Logs.CreateLogger<PackRenderer>());

        // The suggestions are gathered in the pass that computes the period, so the store is read
        // once; a frozen period is read from its snapshot, and then they need a pass of their own.
        var building = context.Progress.Add($"Building the packs for {period.Name}", unit: "packs");
        var clusters = new UntrackedClusters();
        var data = await builder.SnapshotPeriodAsync(period, asOf, clusters.Add, ct).ConfigureAwait(false);
        if (data.FromFrozenSnapshot)
        {
            await foreach (var (item, mapping) in store.MappedItemsAsync(ct).ConfigureAwait(false))
            {
                ct.ThrowIfCancellationRequested();
                clusters.Add(item, mapping);
            }
        }

        var suggestions = clusters.Suggest().Select(s => new RuleSuggestion(s.Attribute, s.Value, s.When, s.Measure, s.Size, s.Examples)).ToList();
        Directory.CreateDirectory(outFolder);
        var packs = await new PackWriter(builder, renderer).WriteAsync(new PackRequest(period, outFolder, asOf, order.Template, order.Team, suggestions), data, ct).ConfigureAwait(false);
        building.Report(packs.Count);
        building.Finish();
        var written = new List<string>();
        string? pdfProblem = null;
        foreach (var pack in packs)
        {
            if (format is "html" or "both")
            {
                written.Add(pack.HtmlPath);
            }
        }

        if (format is "pdf" or "both")
        {
            var printing = context.Progress.Add("Printing the packs to PDF (chromium)", packs.Count, "packs");
            try
            {
                await using var printer = new PdfPrinter(log: context.Logs.CreateLogger<PdfPrinter>());
                foreach (var pack in packs)
                {
                    written.Add(await printer.PrintAsync(pack.HtmlPath, pack.PdfPath, new PdfPageLabels(pack.Title, pack.Period), ct).ConfigureAwait(false));
                    printing.Report(written.Count(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
                }

                printing.Finish();
            }
            catch (PdfUnavailableException ex)
            {
                printing.Finish("not printed");
                pdfProblem = ex.Message;
                context.Logs.CreateLogger<ReportUseCase>().LogWarning("PDF not printed: {Reason}", ex.Message);
            }

            if (format == "pdf")
            {
                // PDF only: the HTML was the means, not the product.
                foreach (var pack in packs.Where(_ => pdfProblem is null))
                {
                    File.Delete(pack.HtmlPath);
                }
            }
        }

        return new ReportOutcome(PeriodReport.From(data) with { Files = written }, packs, pdfProblem);
    }
}
