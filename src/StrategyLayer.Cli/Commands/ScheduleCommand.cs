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

    public static Command Create(TimeProvider time) => Verb.Create("schedule", "Run the Quartz scheduler in the foreground until stopped", time, RunAsync, ServeOption, WebHosting.UrlsOption);

    private static async Task<int> RunAsync(Invocation invocation, ParseResult parse, CancellationToken ct)
    {
        var config = await invocation.ConfigAsync(ct).ConfigureAwait(false);
        await TemplateCheck.ThrowIfBrokenAsync(invocation, ct).ConfigureAwait(false);
        var store = await invocation.StoreAsync(ct).ConfigureAwait(false);

        // A scheduler runs for weeks: its jobs log what they do; a live display would only grow.
        invocation.DisableProgress();
        // Quartz says what it decides (a node found dead, its firings recovered) at Information; its
        // Debug is a line per check-in and acquisition round, every few seconds on a cluster.
        using var scheduling = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Quartz", LogEventLevel.Information)
            .WriteTo.Logger(invocation.Log)
            .CreateLogger();
        using var logs = new SerilogLoggerFactory(scheduling);
        var database = StoreEngines.ClusterDatabase(invocation.StorePath, invocation.Opening, invocation.Node);
        var options = new ScheduleHostOptions { Node = invocation.Node, Cluster = database is null ? null : new ScheduleCluster { ConnectionString = database } };
        var host = new ScheduleHost(store, store, invocation.Time, logs, options);

        // `status`, `items` and `explain` in another terminal read through this process.
        await using var reads = await ReaderApi.StartAsync(invocation, ct).ConfigureAwait(false);
        await using var web = parse.GetValue(ServeOption)
            ? await WebHosting.StartAsync(invocation, parse.GetValue(WebHosting.UrlsOption), ct).ConfigureAwait(false)
            : null;
        if (!invocation.Quiet && !invocation.JsonOutput)
        {
            invocation.Terminal.WriteLine($"node: {invocation.Node}");
            if (options.Cluster is { } cluster)
            {
                invocation.Terminal.WriteLine($"clustered: {cluster.InstanceName} on {store.Description} (every node of it shares the firings)");
            }

            invocation.Terminal.WriteLine($"Scheduler running {config.Schedules.Count} schedule(s) in {config.TimeZone.Id}; Ctrl-C stops it after the current job's page.");
        }

        await host.RunAsync(config.Schedules, config.TimeZone, (request, jobToken) => invocation.App.RunOnce.RunJobAsync(request.Job, request.Source, request.Audience, jobToken), ct).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
