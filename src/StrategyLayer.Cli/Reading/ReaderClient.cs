using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Cli.Reading;

/// <summary>Asks the process that holds the store (its <see cref="ReaderApi"/>) for what a read-only verb prints.</summary>
internal sealed class ReaderClient : IDisposable
{
    private readonly HttpClient _http;

    private ReaderClient(ReaderFile file, int holder)
    {
        Holder = holder;
        _http = new HttpClient { BaseAddress = new Uri(file.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", file.Token);
    }

    /// <summary>The process answering.</summary>
    public int Holder { get; }

    /// <summary>The reader of the store's holder, or null when it serves no reads (a sync, an older version).</summary>
    public static ReaderClient? Find(string storePath, int? holder)
    {
        var file = ReaderFile.Read(storePath, holder);
        return file is null ? null : new ReaderClient(file, file.ProcessId);
    }

    /// <summary>The answer's body, opened for streaming; a refusal becomes the error the verb would have thrown.</summary>
    public async Task<Stream> GetAsync(string pathAndQuery, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new StrategyLayerException($"the store is held by process {Holder}, which did not answer the read ({e.Message}); try again, or stop it", ErrorKind.Runtime);
        }

        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            string? error = null;
            try
            {
                using var doc = JsonDocument.Parse(body);
                error = doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
            }
            catch (JsonException)
            {
            }

            var message = (error ?? $"HTTP {(int)response.StatusCode}").TrimStart();
            message = message.StartsWith("error: ", StringComparison.Ordinal) ? message["error: ".Length..] : message;
            throw new StrategyLayerException(message, response.StatusCode == HttpStatusCode.BadRequest ? ErrorKind.Usage : ErrorKind.Runtime);
        }
    }

    public async Task<T> GetAsync<T>(string pathAndQuery, CancellationToken ct)
    {
        await using var stream = await GetAsync(pathAndQuery, ct).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync<T>(stream, Hosting.Json.Options, ct).ConfigureAwait(false)
            ?? throw new StrategyLayerException($"process {Holder} answered the read with nothing", ErrorKind.Runtime);
    }

    public void Dispose() => _http.Dispose();
}
