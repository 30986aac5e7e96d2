using System.CommandLine;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Reading;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Scheduling;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>schedule [--serve [--urls URL]]</c>: the Quartz scheduler in the foreground until Ctrl-C or
/// SIGTERM, which let the running job finish its current page. With <c>--serve</c> the web view runs
/// in the same process, over the same store (one writer).
/// </summary>
public static class ScheduleCommand
{
    private static readonly Option<bool> ServeOption = new("--serve") { Description = "Also host the web view in this process" };

    public static Command Create() => Verb.Create("schedule", "Run the Quartz scheduler in the foreground until stopped", RunAsync, ServeOption, ServeCommand.UrlsOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var config = session.Config;
        TemplateCheck.ThrowIfBroken(session);
        var store = await session.StoreAsync(ct).ConfigureAwait(false);

        // A scheduler runs for weeks: its jobs log what they do; a live display would only grow.
        session.DisableProgress();
        var host = new ScheduleHost(store, session.Time, session.Log);

        // `status`, `items` and `explain` in another terminal read through this process.
        await using var reads = await ReaderApi.StartAsync(session, ct).ConfigureAwait(false);
        await using var web = parse.GetValue(ServeOption)
            ? await ServeCommand.StartAsync(session, parse.GetValue(ServeCommand.UrlsOption), ct).ConfigureAwait(false)
            : null;
        if (!session.Quiet && !session.JsonOutput)
        {
            session.Terminal.WriteLine($"Scheduler running {config.Schedules.Count} schedule(s) in {config.TimeZone.Id}; Ctrl-C stops it after the current job's page.");
        }

        await host.RunAsync(config.Schedules, config.TimeZone, (request, jobToken) => RunJobAsync(session, request, jobToken), ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static async Task<RunRecord> RunJobAsync(Session session, JobRequest request, CancellationToken ct)
    {
        var outcome = await RunCommand.RunOnceAsync(session, request.Job, request.Source, request.Audience, ct).ConfigureAwait(false);
        var counts = new Dictionary<string, long>
        {
            ["upserted"] = outcome.Sync.Sum(s => s.Upserted),
            ["sent"] = outcome.Channels.Sum(c => c.Sent),
            ["failed"] = outcome.Channels.Sum(c => c.Failed),
        };
        return new RunRecord
        {
            Id = request.RunId,
            Job = request.RunName,
            Started = session.Time.GetUtcNow(),
            Result = outcome.Partial ? RunResult.Partial : RunResult.Succeeded,
            Counts = counts,
            Error = Problems(outcome),
            ScheduledFor = request.ScheduledFor,
        };
    }

    private static string? Problems(RunOutcome outcome)
    {
        var problems = outcome.Sync.Where(s => s.Failed).Select(s => s.Error!).ToList();
        if (outcome.PdfProblem is not null)
        {
            problems.Add(outcome.PdfProblem);
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
