using System.Net.Sockets;
using System.Security.Authentication;
using Polly;
using RestSharp;

namespace StrategyLayer.Connectors.Http;

/// <summary>
/// Names what went wrong below HTTP, in words a user acts on, and tells the failures that waiting
/// will not heal (connection refused, a name that does not resolve, a TLS failure) from those it may.
/// </summary>
public static class NetworkFailure
{
    /// <summary>True for connection refused, DNS failures and TLS failures: tried twice, not six times.</summary>
    public static bool IsLasting(Outcome<RestResponse> outcome) =>
        outcome.Result is { StatusCode: 0 } r && IsLasting(r.ErrorException)
        || outcome.Exception is { } e && IsLasting(e);

    public static bool IsLasting(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }:
                case AuthenticationException:
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.AddressNotAvailable }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>What a retry line says it retries after: <c>HTTP 503</c>, or <c>a network error (connection refused)</c>.</summary>
    public static string Reason(Outcome<RestResponse> outcome)
    {
        if (outcome.Result is { } r && r.StatusCode != 0)
        {
            return "HTTP " + ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var exception = outcome.Result?.ErrorException ?? outcome.Exception;
        return outcome.Result?.ResponseStatus == ResponseStatus.TimedOut
            ? "a timeout"
            : "a network error (" + Cause(exception, outcome.Result?.ErrorMessage) + ")";
    }

    /// <summary>The cause of a response that never came: <c>connection refused</c>, <c>the name … does not resolve (DNS)</c>, ….</summary>
    public static string Describe(RestResponse response, Uri baseUrl) =>
        response.ResponseStatus == ResponseStatus.TimedOut
            ? "no answer before the timeout"
            : Cause(response.ErrorException, response.ErrorMessage, baseUrl);

    private static string Cause(Exception? exception, string? fallback, Uri? url = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused: nothing listens there";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return $"the host name {url?.Host ?? ""} does not resolve (DNS)".Replace("name  does", "name does", StringComparison.Ordinal);
                case AuthenticationException a:
                    return "the TLS handshake failed: " + a.Message;
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } h:
                    return "the TLS handshake failed: " + (h.InnerException?.Message ?? h.Message);
                case SocketException s:
                    return s.Message;
            }
        }

        return exception?.Message ?? fallback ?? "no answer";
    }
}
