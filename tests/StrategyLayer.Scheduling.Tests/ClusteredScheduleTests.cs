using Microsoft.Extensions.Time.Testing;
using Npgsql;
using StrategyLayer.Domain.Runs;
using StrategyLayer.Domain.Settings;
using StrategyLayer.Scheduling.Tests.Support;
using StrategyLayer.Store.PostgreSql;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Scheduling.Tests;

/// <summary>
/// Two scheduler nodes in one process, each with its own PostgreSQL store on one private database
/// (Quartz's tables, the job locks and the run records there), both on one fake clock that the
/// test moves to each fire time. What a dead node leaves is tested with real processes and kill -9
/// in the CLI's end-to-end tests.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ClusteredScheduleTests(PostgreSqlCluster postgres) : IAsyncLifetime
{
    private readonly List<PostgreSqlStore> _stores = [];
    private string _uri = "";

    public async Task InitializeAsync() => _uri = await postgres.CreateDatabaseAsync("cluster");

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    /// <summary>A node's own store on the shared database, as a scheduler process opens it.</summary>
    private async Task<PostgreSqlStore> StoreAsync(string node)
    {
        var store = await PostgreSqlStore.OpenAsync(PostgreSqlLocation.Parse(_uri), new PostgreSqlStoreOptions { TimeProvider = TimeProvider.System, ApplicationName = "strategylayer schedule " + node }, CancellationToken.None);
        _stores.Add(store);
        return store;
    }

    private ScheduleCluster Cluster => new() { ConnectionString = PostgreSqlLocation.Parse(_uri).ConnectionString };
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    private static bool Started(LogEntry e) => e.From<ScheduleHost>() && e.Message.Contains(" started on ", StringComparison.Ordinal);

    private static bool Skipped(LogEntry e) => e.From<ScheduleHost>() && e.Message.Contains(" skipped: ", StringComparison.Ordinal);

    private static bool Ended(LogEntry e) => e.From<ScheduleHost>() && e.Message.Contains(" ended ", StringComparison.Ordinal);

    private async Task<ScheduleHost> NodeAsync(string name, TimeProvider time, CollectingLogs logs, bool catchUp = false)
    {
        var store = await StoreAsync(name);
        return new ScheduleHost(store, store, time, logs, new ScheduleHostOptions { Node = name, Cluster = Cluster, CatchUp = catchUp, GracePeriod = TimeSpan.FromSeconds(10) });
    }

    [Fact]
    public async Task Two_nodes_on_one_database_run_each_firing_once_and_name_the_node_that_ran_it()
    {
        var records = await StoreAsync("test");
        var time = new FakeTimeProvider(Monday.AddMilliseconds(250));
        var logs = new CollectingLogs();
        var ran = new List<(string Node, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        ScheduleSettings[] schedules = [new() { Job = "sync", Cron = "* * * * * ?" }];

        async Task Start(string node) => await (await NodeAsync(node, time, logs)).RunAsync(schedules, TimeZoneInfo.Utc, (request, token) =>
        {
            lock (ran)
            {
                ran.Add((node, request.ScheduledFor));
            }

            return Task.FromResult(JobOutcome.Succeeded());
        }, stop.Token);

        var a = Start("node-a");
        var b = Start("node-b");
        for (var second = 1; second <= 12; second++)
        {
            time.SetUtcNow(Monday.AddSeconds(second));
            await logs.WaitForAsync(Ended, second, TimeSpan.FromSeconds(30));
        }

        await stop.CancelAsync();
        await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(Enumerable.Range(1, 12).Select(s => Monday.AddSeconds(s)), ran.Select(r => r.At).Order());
        var runs = await records.RecentRunsAsync(100, "sync", CancellationToken.None);
        Assert.Equal(12, runs.Count);
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { "node-a", "node-b" }));
        Assert.Equal(ran.Select(r => (r.Node, r.At)).Order(), runs.Select(r => (r.Node!, r.ScheduledFor!.Value)).Order());
    }

    [Fact]
    public async Task A_firing_that_comes_while_another_node_runs_the_job_is_skipped()
    {
        var records = await StoreAsync("test");
        var time = new FakeTimeProvider(Monday.AddMilliseconds(250));
        var logs = new CollectingLogs();
        var release = new TaskCompletionSource();
        var executions = 0;
        using var stop = new CancellationTokenSource();
        ScheduleSettings[] schedules = [new() { Job = "report", Cron = "* * * * * ?" }];

        async Task Start(string node) => await (await NodeAsync(node, time, logs)).RunAsync(schedules, TimeZoneInfo.Utc, async (request, token) =>
        {
            if (Interlocked.Increment(ref executions) == 1)
            {
                await release.Task.WaitAsync(token);
            }

            return JobOutcome.Succeeded();
        }, stop.Token);

        var nodes = new[] { Start("node-a"), Start("node-b") };
        time.SetUtcNow(Monday.AddSeconds(1));
        await logs.WaitForAsync(Started, 1, TimeSpan.FromSeconds(30));
        for (var second = 2; second <= 5; second++)
        {
            time.SetUtcNow(Monday.AddSeconds(second));
            await logs.WaitForAsync(Skipped, second - 1, TimeSpan.FromSeconds(30));
        }

        release.SetResult();
        await logs.WaitForAsync(Ended, 1, TimeSpan.FromSeconds(30));
        time.SetUtcNow(Monday.AddSeconds(6));
        await logs.WaitForAsync(Ended, 2, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(nodes).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, executions);
        Assert.Equal(4, logs.Count(Skipped));
        Assert.Equal([Monday.AddSeconds(6), Monday.AddSeconds(1)], (await records.RecentRunsAsync(10, "report", CancellationToken.None)).Select(r => r.ScheduledFor!.Value));
    }

    [Fact]
    public async Task After_downtime_a_missed_run_is_caught_up_once_by_the_cluster_not_once_per_node()
    {
        var records = await StoreAsync("test");
        var served = new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
        await records.SaveRunAsync(new RunRecord { Id = "old", Job = "run", Node = "node-gone", Started = served, Ended = served.AddMinutes(2), Result = RunResult.Succeeded, ScheduledFor = served }, CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 30, 0, TimeSpan.Zero));
        var logs = new CollectingLogs();
        var ran = new List<(string Node, JobRequest Request)>();
        using var stop = new CancellationTokenSource();
        ScheduleSettings[] schedules = [new() { Job = "run", Cron = "0 0 6 * * ?" }];

        async Task Start(string node) => await (await NodeAsync(node, time, logs, catchUp: true)).RunAsync(schedules, TimeZoneInfo.Utc, (request, token) =>
        {
            lock (ran)
            {
                ran.Add((node, request));
            }

            return Task.FromResult(JobOutcome.Succeeded());
        }, stop.Token);

        // Both start together after the outage: one decides, the other finds it decided.
        var nodes = new[] { Start("node-a"), Start("node-b") };
        await logs.WaitForAsync(Ended, 1, TimeSpan.FromSeconds(30));
        await logs.WaitForAsync(e => e.From<ScheduleHost>() && e.Message.StartsWith("Schedule run-", StringComparison.Ordinal), 2, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(nodes).WaitAsync(TimeSpan.FromSeconds(60));

        var (_, request) = Assert.Single(ran);
        Assert.Single(logs.Entries, e => e.From<ScheduleHost>() && e.Message.Contains("catching up once", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, Skipped);
        Assert.True(request.CatchUp);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 6, 0, 0, TimeSpan.Zero), request.ScheduledFor);
        Assert.Equal(2, (await records.RecentRunsAsync(10, "run", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Quartz_keeps_the_schedules_in_the_database_under_one_scheduler_name_with_a_row_per_live_node_and_logs_through_the_host()
    {
        var records = await StoreAsync("test");
        var time = new FakeTimeProvider(Monday);
        var logs = new CollectingLogs();
        using var stop = new CancellationTokenSource();
        ScheduleSettings[] schedules = [new() { Job = "sync", Source = "jira", Cron = "0 0 * * * ?" }, new() { Job = "report", Audience = "executives", Cron = "0 0 7 * * ?" }];

        async Task Start(string node) => await (await NodeAsync(node, time, logs)).RunAsync(schedules, TimeZoneInfo.Utc, (r, t) => Task.FromResult(JobOutcome.Succeeded()), stop.Token);

        var nodes = new[] { Start("node-a"), Start("node-b") };
        await logs.WaitForAsync(e => e.From<ScheduleHost>() && e.Message.StartsWith("Scheduler started as node ", StringComparison.Ordinal), 2, TimeSpan.FromSeconds(30));
        var (jobs, states) = await ReadQuartzAsync(Cluster.ConnectionString);
        await stop.CancelAsync();
        await Task.WhenAll(nodes).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["strategylayer"], jobs.Select(j => j.Scheduler).Distinct());
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.True(j.RequestsRecovery));
        Assert.Equal(["node-a", "node-b"], states.Order());

        // Quartz's own lines (its cluster manager, its store) reach the host's log.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Quartz.", StringComparison.Ordinal));
    }

    private static async Task<(List<(string Scheduler, string Job, bool RequestsRecovery)> Jobs, List<string> States)> ReadQuartzAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var jobs = new List<(string, string, bool)>();
        await using (var command = new NpgsqlCommand("SELECT sched_name, job_name, requests_recovery FROM qrtz_job_details", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                jobs.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }

        var states = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT instance_name FROM qrtz_scheduler_state", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                states.Add(reader.GetString(0));
            }
        }

        return (jobs, states);
    }
}
