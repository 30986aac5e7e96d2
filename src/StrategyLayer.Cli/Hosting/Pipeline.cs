using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Reporting;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Strategy;
using StrategyLayer.Mapping;
using StrategyLayer.Mapping.Files;
using StrategyLayer.Reporting;
using StrategyLayer.Reporting.Pdf;
using StrategyLayer.Sync;

namespace StrategyLayer.Cli.Hosting;

/// <summary>
/// The stages put together, once, for every verb that runs them (map, report, run, demo, the
/// scheduler): the only place that knows how mapping feeds reporting.
/// </summary>
public static class Pipeline
{
    /// <summary>
    /// The strategy tree and rules named in config; problems are thrown together (exit 2). A tree written
    /// relative to a month (<c>periodsRelativeTo</c>, the demo's) is read in the current period.
    /// </summary>
    public static MappingFiles LoadMapping(Session session)
    {
        var files = MappingFiles.LoadOrThrow(session.Config.Strategy, session.Config.Rules, session.Config.CustomFields);
        return files with { Tree = files.Tree.AnchoredTo(CurrentPeriod(session)) };
    }

    /// <summary>The running month in the configured time zone, by the session's clock.</summary>
    public static ReportingPeriod CurrentPeriod(Session session) => ReportBuilder.CurrentPeriod(session.Time, session.Config.TimeZone);

    /// <summary>
    /// The report builder every verb reads figures through (report, run, status, demo): one code path
    /// for a period's figures, as of the earlier of now and the period's end.
    /// </summary>
    public static async Task<ReportBuilder> ReportsAsync(Session session, CancellationToken ct, StrategyTree? tree = null, IReadOnlyList<SyncReport>? syncedNow = null)
    {
        var config = session.Config;
        tree ??= LoadMapping(session).Tree;
        var settings = ReportSettings.FromJson(config.StatusJson, config.File);
        var environment = new ReportEnvironment(config.TimeZone, config.WebBaseUrl, config.Sources.Select(s => s.Name).ToList())
        {
            SyncedNow = syncedNow?.GroupBy(s => s.Source).ToDictionary(g => g.Key, g => Sync(g.ToList())),
        };
        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        return new ReportBuilder(store, store, tree, new ItemFilterCompiler(config.CustomFields), settings, environment, session.Time, session.Log);
    }

    /// <summary>Maps the stored items; records no run (whoever started the run does).</summary>
    public static async Task<MapSummary> MapAsync(Session session, bool full, IProgress<int>? progress, CancellationToken ct)
    {
        var files = LoadMapping(session);
        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        return await MapRun.ExecuteAsync(store, files.Tree, files.Rules, session.Time.GetUtcNow(), progress, ct, full, session.Log).ConfigureAwait(false);
    }

    /// <summary>What a map's run record says.</summary>
    public static JobOutcome MapOutcome(MapSummary summary) =>
        JobOutcome.Succeeded(new Dictionary<string, long> { ["items"] = summary.Items, ["mapped"] = summary.Mapped, ["untracked"] = summary.Untracked, ["writes"] = summary.Writes });

    /// <summary>What a report's run record says: partial when the PDF could not be printed.</summary>
    public static JobOutcome ReportOutcome(ReportOutcome outcome) =>
        new(outcome.PdfProblem is null ? RunResult.Succeeded : RunResult.Partial, new Dictionary<string, long> { ["files"] = outcome.Files.Count, ["untracked"] = outcome.Report.Untracked }, outcome.PdfProblem);

    /// <summary>The period a report is for: the one named, or the current one in the configured time zone.</summary>
    public static ReportingPeriod Period(Session session, string? name)
    {
        if (name is null)
        {
            return CurrentPeriod(session);
        }

        return ReportingPeriod.TryParse(name, out var period)
            ? period
            : throw new StrategyLayerException($"'{name}' is not a period: use YYYY-MM, YYYY-Qn or YYYY-Www", ErrorKind.Usage);
    }

    /// <summary>
    /// Builds and writes packs (HTML, and PDF when asked); records no run (whoever started the run
    /// does). The result says which files were written and whether the PDF could not be printed
    /// (exit 3: the HTML is there). <paramref name="syncedNow"/> is the sync that ran just before,
    /// in the same run, if one did: its failures are the packs' freshness notes.
    /// </summary>
    public static async Task<ReportOutcome> ReportAsync(Session session, ReportingPeriod period, string outFolder, string? template, string? team, string format, DateTimeOffset? asOf, IReadOnlyList<SyncReport>? syncedNow, CancellationToken ct)
    {
        var config = session.Config;
        var store = await session.StoreAsync(ct).ConfigureAwait(false);
        var builder = await ReportsAsync(session, ct, syncedNow: syncedNow).ConfigureAwait(false);
        var renderer = new PackRenderer(config.Templates, session.Log);

        // The suggestions are gathered in the pass that computes the period, so the store is read
        // once; a frozen period is read from its snapshot, and then they need a pass of their own.
        var building = session.Progress.Add($"Building the packs for {period.Name}", unit: "packs");
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
        var packs = await new PackWriter(builder, renderer).WriteAsync(new PackRequest(period, outFolder, asOf, template, team, suggestions), data, ct).ConfigureAwait(false);
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
            var printing = session.Progress.Add("Printing the packs to PDF (chromium)", packs.Count, "packs");
            try
            {
                await using var printer = new PdfPrinter(log: session.Log);
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
                session.Log.Warning("PDF not printed: {Reason}", ex.Message);
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

    private static string? Sync(IReadOnlyList<SyncReport> reports) => Commands.SyncCommand.Failures(reports);
}

/// <summary>
/// What a report run wrote: the period's report document (with the files written), the packs, and
/// <see cref="PdfProblem"/> when the PDF could not be printed.
/// </summary>
public sealed record ReportOutcome(PeriodReport Report, IReadOnlyList<WrittenPack> Packs, string? PdfProblem)
{
    public string Period => Report.Period;

    public IReadOnlyList<string> Files => Report.Files ?? [];
}
