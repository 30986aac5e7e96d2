using System.Diagnostics;
using System.Text.Json;
using StrategyLayer.Tests.Support;
using Xunit;

namespace StrategyLayer.Cli.Tests;

/// <summary>
/// <c>schedule</c> as it runs in production: the built CLI in its own process, a per-second cron,
/// a real SMTP server on loopback and a folder share. The mail server is down at first: the pack
/// reaches the folder, the mail waits in the outbox, and arrives exactly once after the server
/// comes back.
/// </summary>
public sealed class ScheduleEndToEndTests : IClassFixture<SandboxFixture>, IClassFixture<SmtpServerFixture>, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sl-schedule-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SandboxFixture _sandbox;
    private readonly SmtpServerFixture _smtp;

    public ScheduleEndToEndTests(SandboxFixture sandbox, SmtpServerFixture smtp)
    {
        _sandbox = sandbox;
        _smtp = smtp;
        Directory.CreateDirectory(_dir);
    }

    private string Config => Path.Combine(_dir, "strategylayer.json");

    private string Share => Path.Combine(_dir, "share");

    private void WriteConfig()
    {
        var repo = RepoRoot();
        File.WriteAllText(Config, $$"""
            {
              "store": "store.db",
              "logs": "logs",
              "timeZone": "Europe/Lisbon",
              "strategy": "{{Path.Combine(repo, "config", "strategy.json")}}",
              "rules": "{{Path.Combine(repo, "config", "rules.json")}}",
              "templates": "{{Path.Combine(repo, "templates")}}",
              "sources": [
                { "name": "jira", "type": "jira-cloud", "baseUrl": "{{_sandbox.Sandbox.JiraCloudUrl}}", "scope": "project in (PAY, WEB, CLOUD, OPS, DATA)" }
              ],
              "audiences": [ { "name": "executives", "template": "portfolio-pack", "format": "html", "channels": ["mail", "share"] } ],
              "channels": [
                { "name": "mail", "type": "email", "smtp": { "host": "127.0.0.1", "port": {{_smtp.Port}}, "security": "none" },
                  "from": "pmo@example.com", "to": ["cio@example.com", "cfo@example.com"] },
                { "name": "share", "type": "folder", "path": "share" }
              ],
              "schedules": [ { "job": "report", "cron": "0/2 * * * * ?" } ]
            }
            """);
    }

    [Fact]
    public async Task A_scheduled_pack_reaches_the_folder_at_once_and_the_mail_once_the_server_is_back()
    {
        WriteConfig();
        var sync = await CliRunner.RunAsync(["sync", "--config", Config]);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        var map = await CliRunner.RunAsync(["map", "--config", Config]);
        Assert.True(map.ExitCode == 0, map.ToString());
        await _smtp.StopAsync();
        _smtp.ClearInbox();

        using var scheduler = Start(["schedule", "--config", Config], out var stdout);
        try
        {
            await Until(() => Directory.Exists(Share) && Directory.EnumerateFiles(Share, "*.html", SearchOption.AllDirectories).Any(), TimeSpan.FromSeconds(60));
            Assert.Empty(_smtp.Messages());

            // On LiteDB there is one scheduler: a second is refused by the store's lock file.
            var second = await CliRunner.RunAsync(["schedule", "--config", Config], timeout: TimeSpan.FromSeconds(90));
            Assert.True(second.ExitCode == 1, second.ToString());
            Assert.Contains(scheduler.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Stderr, StringComparison.Ordinal);

            await _smtp.StartAsync();
            await Until(() => _smtp.Messages().Count >= 2, TimeSpan.FromSeconds(90));

            // Several more firings (one every 2 s): the same pack for the same period is not sent again.
            // A pack changes by itself only when a figure that moves with the clock crosses a rounding
            // step (the share of the month elapsed, shown in tenths of a percent, steps every 45 minutes;
            // ages step at midnight): a run that straddles one sends that new version once. A pack sent
            // on every firing would be four more versions here.
            await Task.Delay(TimeSpan.FromSeconds(8));
            var messages = _smtp.Messages();
            Assert.True(messages.Count is 2 or 4, $"{messages.Count} messages: " + string.Join(", ", messages.Select(m => m.MessageId)));
            Assert.Equal(["cfo@example.com", "cio@example.com"], messages.Take(2).SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).Order());
            Assert.All(messages, m => Assert.Contains(m.Attachments, a => a.ContentDisposition?.FileName?.StartsWith("portfolio-pack-", StringComparison.Ordinal) == true));
            Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        }
        finally
        {
            await StopAsync(scheduler);
        }

        Assert.Equal(0, scheduler.ExitCode);
        var node = (await stdout).Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("node: ", StringComparison.Ordinal))["node: ".Length..];
        Assert.DoesNotContain("clustered", await stdout, StringComparison.Ordinal);
        var status = await CliRunner.RunAsync(["status", "--json", "--config", Config]);
        using var doc = JsonDocument.Parse(status.Stdout);
        Assert.Empty(doc.RootElement.GetProperty("outbox").EnumerateArray());

        // One record per firing, the scheduler's: named for the schedule's job, with this node and
        // the fire time it served; the stages it ran record nothing of their own.
        var runs = doc.RootElement.GetProperty("runs").EnumerateArray().ToList();
        var fired = runs.Where(r => r.GetProperty("scheduledFor").ValueKind != JsonValueKind.Null).ToList();
        Assert.True(fired.Count >= 3, status.Stdout);
        Assert.All(fired, r =>
        {
            Assert.Equal("report", r.GetProperty("job").GetString());
            Assert.Equal(node, r.GetProperty("node").GetString());
            Assert.EndsWith("+00:00", r.GetProperty("scheduledFor").GetString(), StringComparison.Ordinal);
            Assert.Contains(r.GetProperty("outcome").GetString(), new[] { "succeeded", "partial" });
            Assert.Equal(JsonValueKind.String, r.GetProperty("finished").ValueKind);
        });
        Assert.Equal(fired.Count, fired.Select(r => r.GetProperty("scheduledFor").GetString()).Distinct().Count());
        Assert.Equal("succeeded", fired[0].GetProperty("outcome").GetString());
        Assert.All(runs.Except(fired), r => Assert.Contains(r.GetProperty("job").GetString(), new[] { "map", "sync" }));
    }

    private static Process Start(string[] args, out Task<string> stdout)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliRunner.Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>Ctrl-C, as a user stops it; the scheduler lets the running job finish and exits.</summary>
    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("schedule did not stop within 60 s of Ctrl-C");
        }
    }

    private static async Task Until(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {limit}");
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
}
