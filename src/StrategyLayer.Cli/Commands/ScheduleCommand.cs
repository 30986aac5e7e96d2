using System.CommandLine;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Spectre.Console;
using StrategyLayer.Cli.Hosting;
using StrategyLayer.Cli.Reading;
using StrategyLayer.Scheduling;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// <c>schedule [--serve [--urls URL]]</c>: the Quartz scheduler in the foreground until Ctrl-C or
/// SIGTERM, which let the running job finish its current page. With <c>--serve</c> the web view runs
/// in the same process, over the same store. On a LiteDB store it is the one scheduler (the file's
/// one writer); on PostgreSQL it is one node of a cluster on the store's database, and several
/// nodes share the firings (each runs once) and take over a dead node's.
/// </summary>
internal static class ScheduleCommand
{
    private static readonly Option<bool> ServeOption = new("--serve") { Description = "Also host the web view in this process" };

    public static Command Create(TimeProvider time) => Verb.Create("schedule", "Run the Quartz scheduler in the foreground until stopped", time, RunAsync, ServeOption, ServeCommand.UrlsOption);

    private static async Task<int> RunAsync(Session session, ParseResult parse, CancellationToken ct)
    {
        var config = session.Config;
        TemplateCheck.ThrowIfBroken(session);
        var store = await session.StoreAsync(ct).ConfigureAwait(false);

        // A scheduler runs for weeks: its jobs log what they do; a live display would only grow.
        session.DisableProgress();
        // Quartz says what it decides (a node found dead, its firings recovered) at Information; its
        // Debug is a line per check-in and acquisition round, every few seconds on a cluster.
        using var scheduling = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Quartz", LogEventLevel.Information)
            .WriteTo.Logger(session.Log)
            .CreateLogger();
        using var logs = new SerilogLoggerFactory(scheduling);
        var database = StoreEngines.ClusterDatabase(session.StorePath, session.Opening, session.Node);
        var options = new ScheduleHostOptions { Node = session.Node, Cluster = database is null ? null : new ScheduleCluster { ConnectionString = database } };
        var host = new ScheduleHost(store, store, session.Time, logs, options);

        // `status`, `items` and `explain` in another terminal read through this process.
        await using var reads = await ReaderApi.StartAsync(session, ct).ConfigureAwait(false);
        await using var web = parse.GetValue(ServeOption)
            ? await ServeCommand.StartAsync(session, parse.GetValue(ServeCommand.UrlsOption), ct).ConfigureAwait(false)
            : null;
        if (!session.Quiet && !session.JsonOutput)
        {
            session.Terminal.WriteLine($"node: {session.Node}");
            if (options.Cluster is { } cluster)
            {
                session.Terminal.WriteLine($"clustered: {cluster.InstanceName} on {store.Description} (every node of it shares the firings)");
            }

            session.Terminal.WriteLine($"Scheduler running {config.Schedules.Count} schedule(s) in {config.TimeZone.Id}; Ctrl-C stops it after the current job's page.");
        }

        await host.RunAsync(config.Schedules, config.TimeZone, (request, jobToken) => session.App.RunOnce.RunJobAsync(request.Job, request.Source, request.Audience, jobToken), ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
