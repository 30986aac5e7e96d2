using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using StrategyLayer.Sandbox;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// On PostgreSQL there is no one-writer lock: the web view reads while a sync writes the same
/// database, and a second sync of a source waits for the first, saying for whom. The sandbox answers
/// a share of its requests with 429 (Retry-After: 1 s), so a sync lasts long enough to be watched.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSideBySideTests(PostgreSqlCluster cluster) : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-pg-side-" + Guid.NewGuid().ToString("N")[..8]);
    private SandboxHandle? _sandbox;

    private string Config => Path.Combine(_dir, "strategylayer.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _sandbox = await SandboxServer.StartAsync(
            SandboxOptions.Default with { Port = 0, Size = "6000", Faults = new SandboxFaults { RateLimitedShare = 0.15, RetryAfterSeconds = 1 } },
            TimeProvider.System,
            CancellationToken.None);
    }

    private async Task<string> WriteConfigAsync()
    {
        var store = await cluster.CreateDatabaseAsync("side");
        File.WriteAllText(Config, $$"""
            {
              "store": "{{store}}",
              "logs": "logs",
              "strategy": "{{Path.Combine(RepoRoot(), "config", "strategy.json")}}",
              "rules": "{{Path.Combine(RepoRoot(), "config", "rules.json")}}",
              "templates": "{{Path.Combine(RepoRoot(), "templates")}}",
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "{{_sandbox!.JiraCloudUrl}}",
                  "scope": "project in (PAY, WEB, CLOUD, OPS, DATA) ORDER BY updated", "pageSize": 50, "maxRetries": 20 },
                { "name": "servicenow", "type": "servicenow", "baseUrl": "{{_sandbox.ServiceNowUrl}}",
                  "tables": ["incident", "change_request", "problem"], "pageSize": 50, "maxRetries": 20 }
              ]
            }
            """);
        return store;
    }

    [Fact]
    public async Task Serve_answers_while_a_full_sync_writes_the_same_database_and_sees_its_commits()
    {
        await WriteConfigAsync();
        var port = FreePort();
        using var serve = Start(["serve", "--config", Config, "--urls", $"http://127.0.0.1:{port}"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await WaitForAnswerAsync(http, $"http://127.0.0.1:{port}/api/status", serve);

        using var sync = Start(["sync", "--full", "--config", Config]);
        var totals = new List<long>();
        var slowest = TimeSpan.Zero;
        while (!sync.HasExited)
        {
            var watch = Stopwatch.StartNew();
            using var items = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/api/items?offset=0&limit=20"));
            using var status = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/api/status"));
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            if (!sync.HasExited)
            {
                // The status is read live (the item list is cached for a few seconds).
                totals.Add(Stored(status));
            }

            await Task.Delay(200);
        }

        await sync.WaitForExitAsync();
        var syncErrors = await sync.StandardError.ReadToEndAsync();
        Assert.True(sync.ExitCode == 0, "sync failed: " + syncErrors);
        Assert.True(totals.Count >= 3, $"serve answered {totals.Count} times while the sync ran");
        Assert.True(totals.Distinct().Count() >= 2, "serve never saw a commit of the running sync: " + string.Join(", ", totals));
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"an answer took {slowest}");

        using var after = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/api/status"));
        Assert.Equal(_sandbox!.Counts().Jira + _sandbox.Counts().ServiceNowTables.Values.Sum(), Stored(after));
        await StopAsync(serve);
    }

    [Fact]
    public async Task A_second_sync_of_a_source_waits_for_the_first_and_says_for_whom()
    {
        var store = await WriteConfigAsync();
        using var first = Start(["sync", "--source", "jira", "--config", Config]);
        await WaitForAdvisoryLockAsync(store, first);

        using var second = Start(["sync", "--source", "jira", "--config", Config]);
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());

        var told = await second.StandardError.ReadToEndAsync();
        Assert.True(first.ExitCode == 0, await first.StandardError.ReadToEndAsync());
        Assert.True(second.ExitCode == 0, told);
        Assert.Contains("sync of jira waits", told, StringComparison.Ordinal);
        Assert.Contains($"strategylayer sync (pid {first.Id.ToString(CultureInfo.InvariantCulture)} on {Environment.MachineName})", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_and_items_run_as_processes_of_their_own_while_a_full_sync_writes()
    {
        var store = await WriteConfigAsync();
        using var sync = Start(["sync", "--full", "--config", Config]);
        await WaitForAdvisoryLockAsync(store, sync);

        // No one-writer lock: each read opens the database itself while the sync commits.
        var reads = await Task.WhenAll(
            CliRunner.RunAsync(["status", "--json", "--config", Config], _dir),
            CliRunner.RunAsync(["items", "--json", "--config", Config], _dir));
        var syncStillRan = !sync.HasExited;
        await sync.WaitForExitAsync();

        Assert.True(sync.ExitCode == 0, "sync failed: " + await sync.StandardError.ReadToEndAsync());
        Assert.True(syncStillRan, "the sync ended before the reads did: nothing was read while it wrote");
        Assert.All(reads, r => Assert.True(r.ExitCode == 0, r.ToString()));
        using var status = JsonDocument.Parse(reads[0].Stdout);
        Assert.True(Stored(status) < _sandbox!.Counts().Jira + _sandbox.Counts().ServiceNowTables.Values.Sum(), "status saw the whole sync: " + reads[0].Stdout);
        using var items = JsonDocument.Parse(reads[1].Stdout);
        Assert.Equal(JsonValueKind.Array, items.RootElement.ValueKind);
    }

    private static long Stored(JsonDocument status) => status.RootElement.GetProperty("sources").EnumerateArray().Sum(s => s.GetProperty("items").GetInt64());

    /// <summary>Waits until the first sync holds its source's advisory lock (it is then committing).</summary>
    private static async Task WaitForAdvisoryLockAsync(string store, Process holder)
    {
        var database = store[(store.LastIndexOf('/') + 1)..];
        var port = new Uri(store).Port;
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={port};Username=postgres;Database={database};Pooling=false");
        await connection.OpenAsync();
        for (var i = 0; i < 600 && !holder.HasExited; i++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted", connection);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the first sync never took its source's lock: " + (holder.HasExited ? await holder.StandardError.ReadToEndAsync() : "still starting"));
    }

    private static Process Start(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliRunner.Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        // Drain stdout so a full pipe never stalls the child; stderr is read at the end.
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    private static async Task WaitForAnswerAsync(HttpClient http, string url, Process serve)
    {
        for (var i = 0; i < 240 && !serve.HasExited; i++)
        {
            try
            {
                await http.GetStringAsync(url);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        Assert.Fail("serve did not answer: " + (serve.HasExited ? await serve.StandardError.ReadToEndAsync() : "still starting"));
    }

    private static async Task StopAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository root is not above the test folder");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
