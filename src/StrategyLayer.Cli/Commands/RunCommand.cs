using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Output;
using StrategyLayer.Distribution;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Reporting;
using StrategyLayer.Reporting.Model;
using StrategyLayer.Sync;

namespace StrategyLayer.Cli.Commands;

/// <summary><c>run</c>: sync, map, report per audience and distribute once, as the scheduler would.</summary>
public static class RunCommand
{
    public static Command Create() => Verb.Create("run", "Sync, map, report and distribute once, as the scheduler would", RunAsync);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        TemplateCheck.ThrowIfBroken(session);
        var outcome = await RunScope.RecordAsync(session, "run", () => RunOnceAsync(session, "run", null, null, ct), o => o.ToJobOutcome(), ct).ConfigureAwait(false);
        session.Output(outcome, console => Print(console, outcome));
        if (outcome.Sync.Count > 0 && outcome.Sync.All(s => s.Failed))
        {
            // Every source failed: the packs were built from what was stored before, and it is a failure.
            return await SyncCommand.ExitCodeAsync(session, outcome.Sync).ConfigureAwait(false);
        }

        return outcome.Partial ? ExitCodes.Partial : ExitCodes.Success;
    }

    /// <summary>
    /// One pass of the pipeline. <paramref name="job"/> is <c>run</c> (everything), <c>sync</c> (only
    /// sync, one source or all) or <c>report</c> (report and distribute, one audience or all). It
    /// records no run of its own: the <c>run</c> verb or the scheduler's firing owns the one record.
    /// </summary>
    public static async Task<RunOutcome> RunOnceAsync(Session session, string job, string? source, string? audience, CancellationToken ct)
    {
        var config = session.Config;
        IReadOnlyList<SyncReport> sync = [];
        if (job is "run" or "sync")
        {
            sync = await SyncCommand.SyncAsync(session, source, false, ct).ConfigureAwait(false);
        }

        if (job == "sync")
        {
            return new RunOutcome(sync, null, [], null, sync.Any(s => s.Failed || s.Quarantined > 0));
        }

        if (job == "run")
        {
            await MapCommand.MapAsync(session, false, ct).ConfigureAwait(false);
        }

        var audiences = config.Audiences.Where(a => audience is null || a.Name == audience).ToList();
        if (audience is not null && audiences.Count == 0)
        {
            throw new StrategyLayerException($"no audience named '{audience}' in {config.File}", ErrorKind.Usage);
        }

        var period = Pipeline.Period(session, null);
        var packsFolder = Path.Combine(Path.GetDirectoryName(session.StorePath)!, "packs", period.Name);
        var store = await session.StoreAsync(ct).ConfigureAwait(false);

        // Deliveries are claimed through the store's locks: across a cluster's nodes on PostgreSQL.
        var distributor = new PackDistributor(store, config.Channels, config.Audiences, session.Time, session.Logger<PackDistributor>(), options: DistributionOptions.Default with { Node = session.Node }, locks: store);
        var result = await distributor.RetryPendingAsync(ct).ConfigureAwait(false);
        var packs = new List<PackToDeliver>();
        var pdfProblems = new List<string>();
        var notices = new List<ExceptionNotice>();
        PeriodReport? document = null;
        foreach (var a in audiences)
        {
            var report = await Pipeline.ReportAsync(session, period, packsFolder, a.Template, a.Team, a.Format, null, job == "run" ? sync : null, ct).ConfigureAwait(false);
            document ??= report.Report;
            if (report.PdfProblem is not null)
            {
                pdfProblems.Add(report.PdfProblem);
            }

            var model = report.Packs[0].Model;
            packs.Add(new PackToDeliver(a, period, report.Files, Summary(model), Link(config.WebBaseUrl, a), Version(model, a)));
            notices.AddRange(Exceptions(model, config.WebBaseUrl));
        }

        result = result.Concat(await distributor.DistributeAsync(packs, ct).ConfigureAwait(false));
        var distinct = notices.DistinctBy(n => (n.Kind, n.Key)).ToList();
        if (distinct.Count > 0)
        {
            result = result.Concat(await distributor.NotifyExceptionsAsync(period, distinct, ct).ConfigureAwait(false));
        }

        // With no audience no pack is built; the summary still states the period's figures.
        document ??= await (await Pipeline.ReportsAsync(session, ct).ConfigureAwait(false)).ReportAsync(period, ct).ConfigureAwait(false);
        var partial = sync.Any(s => s.Failed || s.Quarantined > 0) || result.AnyFailed || pdfProblems.Count > 0 || document.SomeValueUnusable;
        return new RunOutcome(sync, document, result.Channels, pdfProblems.FirstOrDefault(), partial);
    }

    /// <summary>
    /// What the pack says, not when it was rendered: the model without its generation and as-of
    /// stamps, so a scheduled run that finds nothing new sends nothing again.
    /// </summary>
    private static string Version(ReportModel model, AudienceSettings audience)
    {
        // Freshness ages tick every second; the level they give is what the reader acts on.
        var stable = model with
        {
            GeneratedAt = "",
            AsOf = "",
            Freshness = model.Freshness.Select(f => f with { AgeHours = null, Age = f.Level }).ToList(),
        };
        var json = System.Text.Json.JsonSerializer.Serialize(stable);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(audience.Format + "\n" + json));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    private static string Summary(ReportModel model) =>
        $"{model.Title} — {model.Period}: {model.Summary.MeasuresRed} red, {model.Summary.MeasuresAmber} amber, {model.Summary.MeasuresGreen} green measures; "
        + $"coverage {model.Summary.CoveragePercent:0.#}%, untracked {model.Summary.Untracked:N0} items ({model.Summary.UntrackedPercent:0.#}%); "
        + $"{model.Decisions.Count} decisions needed.";

    private static string? Link(string? webBaseUrl, AudienceSettings audience) =>
        webBaseUrl is null ? null : audience.Team is null ? webBaseUrl + "/" : webBaseUrl + "/teams/" + Uri.EscapeDataString(audience.Team);

    /// <summary>Measures that turned red and blockers that are new since the previous period.</summary>
    private static IEnumerable<ExceptionNotice> Exceptions(ReportModel model, string? webBaseUrl)
    {
        foreach (var change in model.Changes.Measures.Where(c => c.What is "implementation" or "potential" && c.After == "red" && c.Before != "red"))
        {
            yield return new ExceptionNotice(ExceptionKind.MeasureTurnedRed, change.Id, $"{change.Id} {change.Name} turned red ({change.What}: {change.Before} → {change.After})", webBaseUrl);
        }

        foreach (var blocker in model.Changes.NewBlockers)
        {
            yield return new ExceptionNotice(ExceptionKind.NewBlocker, blocker.Blocker.Id, $"{blocker.Blocker.Id} ({blocker.BlockerTeam}) now blocks {blocker.BlockedCount} item(s) of {string.Join(", ", blocker.BlockedTeams)}", blocker.Blocker.Url);
        }
    }

    private static void Print(IAnsiConsole console, RunOutcome outcome)
    {
        console.MarkupLine($"Synced {outcome.Sync.Sum(s => s.Upserted):N0} changed items");
        if (outcome.Report is { } r)
        {
            console.MarkupLine($"[bold]{r.Period}[/] ({r.State}, figures as of {r.AsOf:yyyy-MM-dd HH:mm} UTC): "
                + $"[green]{ReportCommand.Count(r, "green")} green[/], [yellow]{ReportCommand.Count(r, "amber")} amber[/], [red]{ReportCommand.Count(r, "red")} red[/] measures");
            console.MarkupLine("  " + ReportCommand.Coverage(r));
        }

        foreach (var c in outcome.Channels)
        {
            console.MarkupLine(Markup.Escape(TerminalText.Clean($"  {c.Channel}: {c.Sent} sent, {c.AlreadySent} already sent, {c.Failed} failed")));
        }
    }
}

/// <summary>
/// One pass of the pipeline: what each source synced, the period's report document (null for a sync
/// job), what each channel delivered, and whether any of it was partial (exit 3).
/// </summary>
public sealed record RunOutcome(IReadOnlyList<SyncReport> Sync, PeriodReport? Report, IReadOnlyList<ChannelOutcome> Channels, string? PdfProblem, bool Partial)
{
    /// <summary>Untracked in-scope items of the period (the report's coverage), null for a sync job.</summary>
    public int? Untracked => Report?.Untracked;

    /// <summary>What the run's one record says: the sync's counts, what was sent, and every problem by where it happened.</summary>
    public JobOutcome ToJobOutcome()
    {
        var counts = SyncCommand.Counts(Sync);
        counts["sent"] = Channels.Sum(c => c.Sent);
        counts["failed"] = Channels.Sum(c => c.Failed);
        if (Untracked is { } untracked)
        {
            counts["untracked"] = untracked;
        }

        var problems = new List<string>();
        if (SyncCommand.Failures(Sync) is { } failures)
        {
            problems.Add(failures);
        }

        if (PdfProblem is not null)
        {
            problems.Add("pdf: " + PdfProblem);
        }

        problems.AddRange(Channels.Where(c => c.Failed > 0).Select(c => $"{c.Channel}: {c.Failed} failed"));
        return new JobOutcome(Partial ? RunResult.Partial : RunResult.Succeeded, counts, problems.Count == 0 ? null : string.Join("; ", problems));
    }
}
