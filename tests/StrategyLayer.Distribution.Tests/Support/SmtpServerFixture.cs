using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Xunit;

namespace StrategyLayer.Tests.Support;

/// <summary>
/// A real SMTP server on loopback (Debian's python3-aiosmtpd), started once per test class. It
/// can be stopped and started again on the same port to play an outage.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    // The python3 first on PATH may lack aiosmtpd; Debian's has it.
    private const string Python = "/usr/bin/python3";

    private readonly TempFolder _folder = new("sl-smtp");
    private Process? _process;
    private TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmtpServerFixture()
    {
        Port = FreePort();
        Inbox = System.IO.Path.Combine(_folder.Path, "inbox");
        Directory.CreateDirectory(Inbox);
    }

    public int Port { get; }

    public string Inbox { get; }

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        _folder.Dispose();
    }

    public async Task StartAsync()
    {
        if (_process is not null)
        {
            return;
        }

        var script = System.IO.Path.Combine(AppContext.BaseDirectory, "Support", "smtp_capture.py");
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("127.0.0.1");
        info.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(Inbox);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start aiosmtpd");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line != "READY")
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            throw new InvalidOperationException($"aiosmtpd did not start: {line} {error}");
        }

        _process = process;
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } next)
            {
                if (next == "STALLED")
                {
                    _stalled.TrySetResult();
                }
            }
        });
    }

    /// <summary>
    /// Makes the server hold the next recipient (RCPT TO) unanswered for two minutes, as a server
    /// that has stopped answering does: a sender that dies meanwhile never sends its message.
    /// </summary>
    public void StallNextRecipient()
    {
        _stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        File.WriteAllText(System.IO.Path.Combine(_folder.Path, "stall"), "");
    }

    /// <summary>Completes once a sender is being held by <see cref="StallNextRecipient"/>.</summary>
    public Task Stalled => _stalled.Task;

    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        process.Dispose();
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Inbox, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public void ClearInbox()
    {
        foreach (var file in Directory.GetFiles(Inbox))
        {
            File.Delete(file);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
