using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// Two <c>schedule</c> processes, as two machines run them, on one PostgreSQL database with a
/// 5-second cron, a real SMTP server on loopback and the sandbox's Jira. They share the firings
/// (each runs once); then a new pack's mail is held mid-send by the SMTP server, the node sending
/// it is killed (SIGKILL), and the other runs the next firings, takes the dead node's firing over
/// and sends that mail once.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ClusteredScheduleEndToEndTests : IClassFixture<SandboxFixture>, IClassFixture<SmtpServerFixture>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-cluster-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SandboxFixture _sandbox;
    private readonly SmtpServerFixture _smtp;
    private readonly PostgreSqlCluster _postgres;

    public ClusteredScheduleEndToEndTests(SandboxFixture sandbox, SmtpServerFixture smtp, PostgreSqlCluster postgres)
    {
        _sandbox = sandbox;
        _smtp = smtp;
        _postgres = postgres;
        Directory.CreateDirectory(_dir);
    }

    private string Config => Path.Combine(_dir, "strategylayer.json");

    [Fact]
    public async Task Two_nodes_run_each_firing_once_and_after_one_is_killed_the_other_runs_the_next_and_sends_its_mail_once()
    {
        var database = await _postgres.CreateDatabaseAsync("cluster");
        WriteConfig(database);
        await CliAsync("sync");
        await CliAsync("map");
        _smtp.ClearInbox();

        using var a = Node.Start(Config, FreePort());
        using var b = Node.Start(Config, FreePort());
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            var nodes = new[] { await a.NameAsync(), await b.NameAsync() };
            Assert.NotEqual(nodes[0], nodes[1]);

            // Both nodes up: the first firing mails the pack once; later ones find it sent.
            await Until(() => _smtp.Messages().Count == 1, TimeSpan.FromSeconds(90), "the first pack's mail");
            await Until(async () => (await ScheduledRunsAsync(database)).Count(r => r.Finished is not null) >= 6, TimeSpan.FromSeconds(90), "six finished firings");

            // Both web views (schedule --serve, as behind one address) show the same runs: the
            // store's, not a process's own.
            string[]? seen = null;
            await Until(
                async () =>
                {
                    var (fromA, fromB) = (await RunIdsAsync(http, a.Url), await RunIdsAsync(http, b.Url));
                    seen = fromA;
                    return fromA.Length > 0 && fromA.SequenceEqual(fromB);
                },
                TimeSpan.FromSeconds(60),
                "the two nodes' /api/status showing the same runs");
            Assert.Subset((await AllRunIdsAsync(database)).ToHashSet(), seen!.ToHashSet());

            // Upstream changes make a new pack; the server holds its mail mid-send; the node
            // sending it is killed there.
            _smtp.StallNextRecipient();
            _sandbox.Sandbox.Edit(0.2);
            await CliAsync("sync");
            await _smtp.Stalled.WaitAsync(TimeSpan.FromSeconds(90));
            var running = (await ScheduledRunsAsync(database)).Single(r => r.Outcome == "running");
            var (victim, survivor) = running.Node == nodes[0] ? (a, b) : (b, a);
            var (victimName, survivorName) = (await victim.NameAsync(), await survivor.NameAsync());
            Assert.Equal(running.Node, victimName);

            // The delivery held mid-send: claimed by the victim before its first byte.
            var interrupted = Assert.Single(await OutboxAsync(database), d => d.AttemptBy == victimName);
            Assert.NotEqual("sent", interrupted.State);
            victim.Process.Kill();
            await victim.Process.WaitForExitAsync();
            var killedAt = DateTimeOffset.UtcNow;

            // The survivor takes over: the new pack's mail arrives once, and firings go on.
            await Until(() => _smtp.Messages().Any(m => m.MessageId == interrupted.MessageId), TimeSpan.FromSeconds(90), "the interrupted mail after the kill");
            await Until(async () => (await ScheduledRunsAsync(database)).Count(r => r.ScheduledFor > killedAt && r.Finished is not null) >= 3, TimeSpan.FromSeconds(90), "three firings after the kill");
            await Until(async () => (await ScheduledRunsAsync(database)).Single(r => r.Id == running.Id).Finished is not null, TimeSpan.FromSeconds(60), "the killed node's firing taken over");

            // The survivor goes on until the store holds more runs than status shows.
            await Until(async () => (await AllRunIdsAsync(database)).Count > 20, TimeSpan.FromSeconds(150), "more than 20 runs");
            await survivor.StopAsync();

            // Every delivery went out once: the interrupted one too. (A report that fired while
            // the sync was writing may have made a pack version of its own: its own delivery.)
            var messages = _smtp.Messages();
            Assert.True(messages.Count >= 2, $"{messages.Count} message(s)");
            Assert.Single(messages, m => m.MessageId == interrupted.MessageId);
            Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
            Assert.All(messages, m => Assert.Equal(["cio@example.com"], m.To.Mailboxes.Select(x => x.Address)));
            var outbox = await OutboxAsync(database);
            Assert.All(outbox, d => Assert.Equal(("sent", (string?)null), (d.State, d.AttemptBy)));
            Assert.Equal(outbox.Select(d => d.MessageId).Order(), messages.Select(m => m.MessageId).Order());

            var runs = await ScheduledRunsAsync(database);
            Assert.DoesNotContain(runs, r => r.Outcome == "running");
            Assert.All(runs.Where(r => r.ScheduledFor > killedAt), r => Assert.Equal(survivorName, r.Node));
            var takenOver = runs.Single(r => r.Id == running.Id);
            Assert.Equal((survivorName, running.ScheduledFor), (takenOver.Node, takenOver.ScheduledFor));
            Assert.True(takenOver.Started - killedAt < TimeSpan.FromSeconds(20), $"the killed node's firing was taken over {(takenOver.Started - killedAt).TotalSeconds:0.0} s after the kill");

            // No firing ran twice: each fire time was started once, but the one the dead node was
            // running, which the survivor ran again as a recovered firing.
            var starts = StartedFirings();
            Assert.All(starts.GroupBy(s => s.ScheduledFor), g =>
            {
                if (g.Key == running.ScheduledFor)
                {
                    Assert.Equal([victimName, survivorName], g.Select(s => s.Node));
                    Assert.True(g.Last().Recovered, "the second start of the killed node's firing is a recovery");
                }
                else
                {
                    Assert.Single(g);
                }
            });
            Assert.True(starts.Count >= 10, $"only {starts.Count} firings started");

            // status --json: the last 20 runs, newest first, each with its node and fire time.
            var status = await CliRunner.RunAsync(["status", "--json", "--config", Config], timeout: TimeSpan.FromMinutes(2));
            Assert.True(status.ExitCode == 0, status.ToString());
            using var doc = JsonDocument.Parse(status.Stdout);
            var shown = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
            var all = await AllRunIdsAsync(database);
            Assert.True(all.Count > 20, $"only {all.Count} runs stored");
            Assert.Equal(20, shown.Count);
            var started = shown.Select(r => r.GetProperty("started").GetDateTimeOffset()).ToList();
            Assert.Equal(started.OrderDescending(), started);
            foreach (var r in shown.Where(r => r.GetProperty("scheduledFor").ValueKind != JsonValueKind.Null))
            {
                var id = r.GetProperty("id").GetString()!;
                var stored = runs.Single(x => x.Id == id);
                Assert.Equal("report", r.GetProperty("job").GetString());
                Assert.Equal(stored.Node, r.GetProperty("node").GetString());
                Assert.EndsWith("+00:00", r.GetProperty("scheduledFor").GetString(), StringComparison.Ordinal);
                Assert.Equal(stored.ScheduledFor, r.GetProperty("scheduledFor").GetDateTimeOffset());
                Assert.Equal(stored.Finished, r.GetProperty("finished").GetDateTimeOffset());
                Assert.Equal("succeeded", r.GetProperty("outcome").GetString(), ignoreCase: true);
            }

            Assert.Contains(shown, r => r.GetProperty("node").GetString() == survivorName && r.GetProperty("scheduledFor").ValueKind != JsonValueKind.Null);
        }
        finally
        {
            await a.StopAsync();
            await b.StopAsync();
        }
    }

    private void WriteConfig(string database)
    {
        var repo = RepoRoot();
        File.WriteAllText(Config, $$"""
            {
              "store": "{{database}}",
              "logs": "logs",
              "timeZone": "UTC",
              "strategy": "{{Path.Combine(repo, "config", "strategy.json")}}",
              "rules": "{{Path.Combine(repo, "config", "rules.json")}}",
              "templates": "{{Path.Combine(repo, "templates")}}",
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "{{_sandbox.Sandbox.JiraCloudUrl}}", "scope": "project in (PAY, WEB, CLOUD, OPS, DATA)" }
              ],
              "audiences": [ { "name": "executives", "template": "portfolio-pack", "format": "html", "channels": ["mail"] } ],
              "channels": [
                { "name": "mail", "type": "email", "smtp": { "host": "127.0.0.1", "port": {{_smtp.Port}}, "security": "none" },
                  "from": "pmo@example.com", "to": ["cio@example.com"] }
              ],
              "schedules": [ { "job": "report", "cron": "0/5 * * * * ?" } ]
            }
            """);
    }

    private async Task CliAsync(string verb)
    {
        var result = await CliRunner.RunAsync([verb, "--config", Config], timeout: TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>The scheduled runs' records, read from the database (status shows the last 20 only).</summary>
    private static async Task<IReadOnlyList<Run>> ScheduledRunsAsync(string database)
    {
        var runs = new List<Run>();
        await using var connection = new NpgsqlConnection(Store.PostgreSql.PostgreSqlLocation.Parse(database).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT json FROM strategylayer.runs", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var doc = JsonDocument.Parse(reader.GetFieldValue<byte[]>(0));
            var run = doc.RootElement;
            if (run.TryGetProperty("scheduledFor", out var at) && at.ValueKind == JsonValueKind.String)
            {
                runs.Add(new Run(
                    run.GetProperty("id").GetString()!,
                    run.GetProperty("node").GetString(),
                    at.GetDateTimeOffset(),
                    run.GetProperty("started").GetDateTimeOffset(),
                    run.TryGetProperty("ended", out var ended) && ended.ValueKind == JsonValueKind.String ? ended.GetDateTimeOffset() : null,
                    run.TryGetProperty("result", out var result) ? result.GetString()! : "running"));
            }
        }

        return runs;
    }

    /// <summary>The outbox's deliveries: id, state and the node whose attempt has not recorded its outcome.</summary>
    private static async Task<IReadOnlyList<Outgoing>> OutboxAsync(string database)
    {
        var deliveries = new List<Outgoing>();
        await using var connection = new NpgsqlConnection(Store.PostgreSql.PostgreSqlLocation.Parse(database).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT json FROM strategylayer.outbox", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            using var doc = JsonDocument.Parse(reader.GetFieldValue<byte[]>(0));
            var d = doc.RootElement;
            deliveries.Add(new Outgoing(
                d.GetProperty("id").GetString()!,
                d.GetProperty("state").ToString(),
                d.TryGetProperty("attemptBy", out var by) && by.ValueKind == JsonValueKind.String ? by.GetString() : null));
        }

        return deliveries;
    }

    /// <summary>Every run's id, scheduled or started by hand.</summary>
    private static async Task<IReadOnlyList<string>> AllRunIdsAsync(string database)
    {
        var ids = new List<string>();
        await using var connection = new NpgsqlConnection(Store.PostgreSql.PostgreSqlLocation.Parse(database).ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM strategylayer.runs", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>The run ids a node's web view shows (<c>/api/status</c>), newest first.</summary>
    private static async Task<string[]> RunIdsAsync(HttpClient http, string url)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync(url + "/api/status"));
        return [.. doc.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Every firing a node started, from the log file both nodes write (compact JSON, one event a line).</summary>
    private List<Start> StartedFirings()
    {
        var starts = new List<Start>();
        foreach (var file in Directory.GetFiles(Path.Combine(_dir, "logs"), "*.log"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var text = new StreamReader(stream);
            while (text.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                var e = doc.RootElement;
                if (e.TryGetProperty("@mt", out var template) && template.GetString()!.Contains("started on {Node}", StringComparison.Ordinal))
                {
                    starts.Add(new Start(
                        DateTimeOffset.Parse(e.GetProperty("ScheduledFor").GetString()!, CultureInfo.InvariantCulture),
                        e.GetProperty("Node").GetString()!,
                        e.GetProperty("How").GetString()!.Contains("recovered", StringComparison.Ordinal),
                        e.GetProperty("@t").GetDateTimeOffset()));
                }
            }
        }

        return [.. starts.OrderBy(s => s.At)];
    }

    private static async Task Until(Func<bool> condition, TimeSpan limit, string what) =>
        await Until(() => Task.FromResult(condition()), limit, what);

    private static async Task Until(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: not within {limit}");
            await Task.Delay(250);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StrategyLayer.sln")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }

    private sealed record Run(string Id, string? Node, DateTimeOffset ScheduledFor, DateTimeOffset Started, DateTimeOffset? Finished, string Outcome);

    private sealed record Outgoing(string Id, string State, string? AttemptBy)
    {
        public string MessageId => Id + "@strategylayer";
    }

    private sealed record Start(DateTimeOffset ScheduledFor, string Node, bool Recovered, DateTimeOffset At);

    /// <summary>One <c>schedule</c> process: its node name (printed at start), killed or stopped by Ctrl-C.</summary>
    private sealed class Node : IDisposable
    {
        private readonly TaskCompletionSource<string> _name = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Node(Process process, string url)
        {
            Process = process;
            Url = url;
            _ = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    if (line.StartsWith("node: ", StringComparison.Ordinal))
                    {
                        _name.TrySetResult(line["node: ".Length..].Trim());
                    }
                }

                _name.TrySetException(new InvalidOperationException("schedule ended without printing its node"));
            });
            _ = process.StandardError.ReadToEndAsync();
        }

        public Process Process { get; }

        /// <summary>Where its web view (<c>--serve</c>) listens.</summary>
        public string Url { get; }

        public static Node Start(string config, int port)
        {
            var url = $"http://127.0.0.1:{port}";
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { CliRunner.Dll, "schedule", "--serve", "--urls", url, "--config", config })
            {
                info.ArgumentList.Add(a);
            }

            return new Node(Process.Start(info)!, url);
        }

        public Task<string> NameAsync() => _name.Task.WaitAsync(TimeSpan.FromSeconds(60));

        /// <summary>Ctrl-C, as a user stops it: the running job finishes and the process exits.</summary>
        public async Task StopAsync()
        {
            if (Process.HasExited)
            {
                return;
            }

            using (var interrupt = Process.Start("kill", ["-INT", Process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await Process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Process.Kill(entireProcessTree: true);
                throw new TimeoutException("schedule did not stop within 60 s of Ctrl-C");
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}
