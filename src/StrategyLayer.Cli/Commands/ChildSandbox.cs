using System.Diagnostics;
using System.Text.Json;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Commands;

/// <summary>
/// The sandbox in a child process (so that its memory and CPU are not counted as ours), started
/// from this same program with <c>sandbox --port 0 --json</c> and driven over its control API.
/// </summary>
internal sealed class ChildSandbox : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };

    private ChildSandbox(Process process, JsonElement urls)
    {
        _process = process;
        JiraCloudUrl = urls.GetProperty("jiraCloud").GetString()!;
        JiraDataCenterUrl = urls.GetProperty("jiraDataCenter").GetString()!;
        ServiceNowUrl = urls.GetProperty("serviceNow").GetString()!;
        ControlUrl = urls.GetProperty("control").GetString()!;
        Items = urls.GetProperty("items").GetInt32();
    }

    public string JiraCloudUrl { get; }
    public string JiraDataCenterUrl { get; }
    public string ServiceNowUrl { get; }
    public string ControlUrl { get; }
    public int Items { get; }
    public HttpClient Http => _http;

    public static async Task<ChildSandbox> StartAsync(string size, CancellationToken ct)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var entry = typeof(ChildSandbox).Assembly.Location;
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath ?? "") == "dotnet")
        {
            info.ArgumentList.Add(entry);
        }

        foreach (var arg in new[] { "sandbox", "--port", "0", "--size", size, "--json", "--quiet" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new StrategyLayerException("could not start the sandbox process");
        _ = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        if (line is null)
        {
            throw new StrategyLayerException($"the sandbox process exited before printing its URLs (exit {(process.HasExited ? process.ExitCode : -1)})");
        }

        using var doc = JsonDocument.Parse(line);
        return new ChildSandbox(process, doc.RootElement.Clone());
    }

    /// <summary>Calls the control API (POST), e.g. <c>edit?share=0.01</c>.</summary>
    public async Task ControlAsync(string what, CancellationToken ct)
    {
        using var response = await _http.PostAsync(ControlUrl + "/" + what, null, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.PeakWorkingSet64;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
