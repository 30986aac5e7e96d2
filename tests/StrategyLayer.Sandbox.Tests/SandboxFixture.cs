using System.Text.Json;

namespace StrategyLayer.Sandbox.Tests;

/// <summary>One small sandbox per test class (read-only tests share it).</summary>
public class SandboxFixture : IAsyncLifetime
{
    private SandboxHandle? sandbox;

    public SandboxHandle Sandbox => sandbox ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; } = new();

    protected virtual SandboxOptions Options => new() { Size = "small", Seed = 42 };

    public async Task InitializeAsync() => sandbox = await SandboxServer.StartAsync(Options, TimeProvider.System, CancellationToken.None);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostJsonAsync(string url, object body)
    {
        var response = await Http.PostAsync(url, new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }
}
