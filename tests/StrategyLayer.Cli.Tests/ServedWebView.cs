using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace StrategyLayer.Cli.Tests;

/// <summary><c>serve</c> over a store as a child process on a free port; stopped with Ctrl-C on dispose.</summary>
internal sealed class ServedWebView : IAsyncDisposable
{
    private readonly Process process;

    private ServedWebView(Process process, int port)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public HttpClient Http { get; }

    public static async Task<ServedWebView> StartAsync(IEnumerable<string> store)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CliRunner.Dll, "serve", "--urls", $"http://127.0.0.1:{port}" }.Concat(store))
        {
            info.ArgumentList.Add(a);
        }

        var web = new ServedWebView(Process.Start(info)!, port);
        for (var i = 0; i < 240 && !web.process.HasExited; i++)
        {
            try
            {
                using var response = await web.Http.GetAsync("/api/status");
                if (response.IsSuccessStatusCode)
                {
                    return web;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        var error = web.process.HasExited ? await web.process.StandardError.ReadToEndAsync() : "still starting";
        await web.DisposeAsync();
        throw new InvalidOperationException("serve did not answer: " + error);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }
}
