using System.Text.Json;
using Microsoft.Extensions.Logging;
using RestSharp;
using RestSharp.Authenticators;
using StrategyLayer.Connectors.Contract;
using StrategyLayer.Connectors.Http;
using StrategyLayer.Domain.Errors;
using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Connectors.ServiceNow;

/// <summary>
/// OAuth 2.0 against <c>/oauth_token.do</c> (password or client-credentials grant). The token is
/// fetched on first use, renewed shortly before it expires and once after a 401, with the refresh
/// token when the instance gave one. Tokens and secrets are never logged: only the grant and the
/// lifetime are.
/// </summary>
internal sealed class OAuthToken : IAuthenticator, IDisposable
{
    /// <summary>Refresh this long before expiry, so a request never leaves with a token about to die.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(60);

    private readonly SourceAuth _auth;
    private readonly SourceHttp _tokenHttp;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private string? _refreshToken;
    private DateTimeOffset _expires;

    public OAuthToken(SourceSettings settings, ILoggerFactory logs, TimeProvider time)
    {
        _auth = settings.Auth;
        _time = time;
        _log = new SourceLogger(logs.CreateLogger<OAuthToken>(), settings.Name);

        // The token endpoint gets the same retries, but no authenticator of its own.
        _tokenHttp = new SourceHttp(settings with { Auth = SourceAuth.Anonymous }, logs.CreateLogger<SourceHttp>(), time, ServiceNowError.Describe);
    }

    /// <summary>
    /// Attaches the current token. It is fetched beforehand by <see cref="EnsureAsync"/>, outside
    /// RestSharp, so that a refused token request surfaces as the source error it is (with the
    /// caller's cancellation) instead of a transport failure retried six times.
    /// </summary>
    public ValueTask Authenticate(IRestClient client, RestRequest request, CancellationToken cancellationToken)
    {
        if (_token is { } token)
        {
            request.AddOrUpdateHeader("Authorization", "Bearer " + token);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Called on a 401: drops the token and fetches a new one.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _log.LogInformation("ServiceNow answered 401: requesting a new OAuth token");
            await FetchAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Fetches a token when there is none or it is about to expire.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || _time.GetUtcNow() >= _expires - Margin)
            {
                await FetchAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Uses the refresh token when there is one (fewer password sends), else the configured grant.</summary>
    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        var grant = string.IsNullOrWhiteSpace(_auth.Grant) ? (_auth.User is null ? "client_credentials" : "password") : _auth.Grant;
        if (_refreshToken is not null)
        {
            try
            {
                await RequestAsync("refresh_token", cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SourceException e) when (e.StatusCode is 400 or 401)
            {
                _log.LogInformation("The OAuth refresh token was refused: asking again with the {Grant} grant", grant);
                _refreshToken = null;
            }
        }

        await RequestAsync(grant, cancellationToken).ConfigureAwait(false);
    }

    private async Task RequestAsync(string grant, CancellationToken cancellationToken)
    {
        var request = new RestRequest("oauth_token.do", Method.Post);
        request.AddParameter("grant_type", grant);
        request.AddParameter("client_id", _auth.ClientId ?? "");
        request.AddParameter("client_secret", _auth.ClientSecret ?? "");
        if (grant == "password")
        {
            request.AddParameter("username", _auth.User ?? "");
            request.AddParameter("password", _auth.Secret ?? "");
        }
        else if (grant == "refresh_token")
        {
            request.AddParameter("refresh_token", _refreshToken ?? "");
        }

        var response = await _tokenHttp.SendAsync(request, "oauth_token.do", cancellationToken).ConfigureAwait(false);
        string? token = null;
        string? refresh = null;
        var lifetime = TimeSpan.FromMinutes(30);
        try
        {
            using var doc = JsonDocument.Parse(response.Content ?? "");
            token = Text(doc.RootElement, "access_token");
            refresh = Text(doc.RootElement, "refresh_token");
            if (doc.RootElement.TryGetProperty("expires_in", out var e)
                && (e.ValueKind == JsonValueKind.Number ? e.TryGetInt32(out var seconds)
                    : e.ValueKind == JsonValueKind.String && int.TryParse(e.GetString(), System.Globalization.CultureInfo.InvariantCulture, out seconds))
                && seconds > 0)
            {
                lifetime = TimeSpan.FromSeconds(seconds);
            }
        }
        catch (JsonException)
        {
            token = null;
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new SourceException(_tokenHttp.SourceName, "the OAuth token endpoint answered without an access_token", "oauth_token.do");
        }

        _token = token;
        _refreshToken = refresh ?? (grant == "refresh_token" ? _refreshToken : null);
        _expires = _time.GetUtcNow() + lifetime;
        _log.LogInformation("Got an OAuth token ({Grant} grant), valid for {Lifetime}", grant, lifetime);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public void Dispose()
    {
        _tokenHttp.Dispose();
        _gate.Dispose();
    }
}
