using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RestSharp;
using RestSharp.Authenticators;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Connectors.Http;

/// <summary>
/// The HTTP edge every connector shares: RestSharp with the source's auth, Polly retries for 429,
/// 503 and 5xx (honouring Retry-After and X-RateLimit-Reset) and timeouts, a pause when the server
/// says we are near its limit, and one typed error for everything else. Requests and statuses are
/// logged; headers and bodies never are, so credentials cannot reach a log.
/// </summary>
public sealed class SourceHttp : IDisposable
{
    private readonly RestClient _client;
    private readonly SourceSettings _settings;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<RestResponse> _pipeline;
    private readonly Func<RestResponse, string?> _describeError;
    private readonly Func<CancellationToken, Task<bool>>? _refreshOnUnauthorized;
    private long _requests;

    /// <param name="settings">The source; its <see cref="Domain.Settings.SourceDescription.Auth"/> gives basic or bearer auth.</param>
    /// <param name="log">Where requests are logged (method, path, status, time; never headers).</param>
    /// <param name="time">The connector's clock: a Retry-After date or rate-limit reset instant is read against it, and every wait (retry delays, the near-limit pause) runs on it.</param>
    /// <param name="describeError">Reads the vendor's error text from a failed response.</param>
    /// <param name="authenticator">Overrides the auth from settings (ServiceNow OAuth).</param>
    /// <param name="refreshOnUnauthorized">Called once on a 401; true means "credentials refreshed, try again".</param>
    public SourceHttp(
        SourceSettings settings,
        ILogger<SourceHttp> log,
        TimeProvider time,
        Func<RestResponse, string?> describeError,
        IAuthenticator? authenticator = null,
        Func<CancellationToken, Task<bool>>? refreshOnUnauthorized = null)
    {
        _settings = settings;
        _log = new SourceLogger(log, settings.Name);
        _time = time;
        _describeError = describeError;
        _refreshOnUnauthorized = refreshOnUnauthorized;
        var options = new RestClientOptions(settings.BaseUrl)
        {
            Authenticator = authenticator ?? AuthenticatorFor(settings.Auth),
            Timeout = settings.Resilience.Timeout,
            ThrowOnAnyError = false,
            UserAgent = UserAgentText,
        };
        _client = new RestClient(options);
        _pipeline = BuildPipeline(settings.Resilience);
    }

    /// <summary><c>StrategyLayer/VERSION (read-only)</c>: the one version of Directory.Build.props.</summary>
    private static readonly string UserAgentText = "StrategyLayer/"
        + (typeof(SourceHttp).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0")
        + " (read-only)";

    /// <summary>Requests sent so far, retries included.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public string SourceName => _settings.Name;

    /// <summary>
    /// Sends a read request. Returns a 2xx response, or throws <see cref="SourceException"/> with the
    /// vendor's message and <paramref name="where"/> (the page or item) for anything else.
    /// </summary>
    public async Task<RestResponse> SendAsync(RestRequest request, string where, CancellationToken cancellationToken)
    {
        var refreshed = false;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            var response = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    Interlocked.Increment(ref _requests);
                    var started = System.Diagnostics.Stopwatch.GetTimestamp();
                    var r = await _client.ExecuteAsync(request, ct).ConfigureAwait(false);
                    _log.LogDebug(
                        "{Method} {Resource} → {Status} in {Elapsed} ms",
                        request.Method,
                        request.Resource,
                        (int)r.StatusCode,
                        (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    return r;
                },
                cancellationToken).ConfigureAwait(false);

            cancellationToken.ThrowIfCancellationRequested();
            if (response.IsSuccessStatusCode)
            {
                await PaceAsync(response, cancellationToken).ConfigureAwait(false);
                return response;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed && _refreshOnUnauthorized is not null
                && await _refreshOnUnauthorized(cancellationToken).ConfigureAwait(false))
            {
                refreshed = true;
                continue;
            }

            throw Failure(response, where, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// As <see cref="SendAsync"/>, for an answer that is JSON and read by <see cref="ParseJson"/>: a
    /// successful answer's body is parsed from pooled memory as it arrives (<see cref="BufferedJsonBody"/>),
    /// and the response's own text and bytes stay empty. Pages of items go this way.
    /// </summary>
    public Task<RestResponse> SendJsonAsync(RestRequest request, string where, CancellationToken cancellationToken)
    {
        if (request.Interceptors?.OfType<BufferedJsonBody>().Any() != true)
        {
            request.Interceptors = [.. request.Interceptors ?? [], new BufferedJsonBody()];
        }

        return SendAsync(request, where, cancellationToken);
    }

    private SourceException Failure(RestResponse response, string where, TimeSpan elapsed)
    {
        var status = (int)response.StatusCode;
        var vendor = status == 0 ? null : SafeDescribe(response);
        var message = response.StatusCode switch
        {
            0 => $"could not reach {_settings.BaseUrl}: {NetworkFailure.Describe(response, _settings.BaseUrl)} (after {elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s)",
            HttpStatusCode.Unauthorized => $"authentication failed (HTTP 401): check the credentials in the environment variables named in config{Suffix(vendor)}",
            HttpStatusCode.Forbidden => $"access denied (HTTP 403): the account cannot read this{Suffix(vendor)}",
            HttpStatusCode.TooManyRequests => $"rate limited (HTTP 429) after {_settings.Resilience.MaxRetries} retries{Suffix(vendor)}",
            _ => $"HTTP {status} {response.StatusDescription}{Suffix(vendor)}",
        };
        // The sync says it once, with the source; the log file keeps where it happened.
        _log.LogInformation("Request failed at {Where}: {Message}", where, message);
        return new SourceException(_settings.Name, message, where, status == 0 ? null : status, response.ErrorException);
    }

    private string? SafeDescribe(RestResponse response)
    {
        try
        {
            return _describeError(response);
        }
        catch (Exception)
        {
            // The error body is itself malformed: show its start rather than fail on it.
            var content = response.Content ?? "";
            return content.Length > 200 ? content[..200] : content;
        }
    }

    private static string Suffix(string? vendor) => string.IsNullOrWhiteSpace(vendor) ? "" : ": " + vendor;

    private async Task PaceAsync(RestResponse response, CancellationToken cancellationToken)
    {
        var near = RetryAfter.Header(response, "X-RateLimit-NearLimit");
        if (string.Equals(near, "true", StringComparison.OrdinalIgnoreCase))
        {
            _log.LogInformation("Near the rate limit: pausing {Pause} between requests", _settings.Resilience.NearLimitPause);
            await Task.Delay(_settings.Resilience.NearLimitPause, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <remarks>
    /// What heals is retried with backoff (429, 5xx, timeouts, a dropped connection); what will not
    /// heal by waiting (connection refused, a name that does not resolve, a TLS failure) is tried
    /// twice within about five seconds, so a wrong URL or a stopped server fails in seconds, not minutes.
    /// </remarks>
    private ResiliencePipeline<RestResponse> BuildPipeline(ResilienceSettings resilience)
    {
        if (resilience.MaxRetries <= 0)
        {
            return ResiliencePipeline<RestResponse>.Empty;
        }

        return new ResiliencePipelineBuilder<RestResponse> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<RestResponse>
            {
                MaxRetryAttempts = resilience.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = resilience.BaseDelay,
                MaxDelay = resilience.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    IsTransient(args.Outcome) && (args.AttemptNumber == 0 || !NetworkFailure.IsLasting(args.Outcome))),
                DelayGenerator = args => ValueTask.FromResult(
                    NetworkFailure.IsLasting(args.Outcome) ? LastingFailureWait(resilience)
                    : args.Outcome.Result is { } r ? RetryAfter.From(r, _time, resilience.MaxDelay)
                    : null),
                OnRetry = args =>
                {
                    _log.LogWarning(
                        "Retrying {Source} after {Reason} (attempt {Attempt}), waiting {Seconds:0.0} s",
                        _settings.Name,
                        NetworkFailure.Reason(args.Outcome),
                        args.AttemptNumber + 2,
                        Math.Round(args.RetryDelay.TotalSeconds, 1));
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>One short wait before the second and last try of a failure that will not heal.</summary>
    private static TimeSpan LastingFailureWait(ResilienceSettings resilience) =>
        resilience.BaseDelay < TimeSpan.FromSeconds(1) ? resilience.BaseDelay : TimeSpan.FromSeconds(1);

    private static bool IsTransient(Outcome<RestResponse> outcome)
    {
        if (outcome.Exception is OperationCanceledException)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return true;
        }

        var r = outcome.Result!;
        if (r.ResponseStatus is ResponseStatus.TimedOut or ResponseStatus.Error && r.StatusCode == 0)
        {
            return r.ErrorException is not OperationCanceledException || r.ResponseStatus == ResponseStatus.TimedOut;
        }

        var status = (int)r.StatusCode;
        return status == 429 || (status >= 500 && status != 501);
    }

    private static IAuthenticator? AuthenticatorFor(SourceAuth auth) => auth.Kind switch
    {
        AuthKind.Basic => new HttpBasicAuthenticator(auth.User ?? "", auth.Secret ?? ""),
        AuthKind.Bearer => new JwtAuthenticator(auth.Secret ?? ""),
        _ => null,
    };

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// The answer's JSON: parsed already when it was sent with <see cref="SendJsonAsync"/>, else parsed from the bytes as they came (decoding to text first would make the
    /// parser transcode it back to UTF-8); a UTF-8 byte order mark is skipped. Throws <see cref="JsonException"/>.
    /// </summary>
    public static JsonDocument ParseJson(RestResponse response)
    {
        if (response.Request?.Interceptors?.OfType<BufferedJsonBody>().FirstOrDefault()?.Take() is { } parsed)
        {
            return parsed;
        }

        if (response.RawBytes is not { Length: > 0 } bytes)
        {
            return JsonDocument.Parse(response.Content ?? "");
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return JsonDocument.Parse(bytes.AsMemory(start));
    }
}
