using System.Net;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Web.Security;

/// <summary>
/// The web view may run without sign-in only on loopback. Any other address (a host name, a LAN
/// address, <c>0.0.0.0</c>, <c>*</c>, <c>+</c>) needs a bearer token or OpenID Connect configured,
/// and a bearer token beyond loopback travels only over https unless the config opts in. Every
/// spelling of an address (<c>[::ffff:127.0.0.1]</c>, <c>127.1</c>) is bound as its plain form.
/// </summary>
public static class BindingGuard
{
    /// <summary>Splits <c>web.urls</c> into absolute http(s) URLs; a malformed one is a usage error naming it.</summary>
    public static IReadOnlyList<string> Parse(string urls)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new StrategyLayerException("web.urls is empty: give a URL such as http://127.0.0.1:5080.", ErrorKind.Usage, "web.urls");
        }

        var parsed = new List<string>(list.Length);
        foreach (var url in list)
        {
            if (!TryHost(url, out var host))
            {
                throw new StrategyLayerException($"'{url}' is not a URL to listen on: use http://HOST:PORT (for example http://127.0.0.1:5080).", ErrorKind.Usage, "web.urls");
            }

            parsed.Add(Canonical(url, host));
        }

        return parsed;
    }

    /// <summary>
    /// An IP address as the socket layer takes it: an IPv4 address mapped into IPv6
    /// (<c>[::ffff:127.0.0.1]</c>, which a socket refuses to bind) becomes the IPv4 address, and any
    /// other spelling its plain form. Host names and wildcards stay as they are.
    /// </summary>
    private static string Canonical(string url, string host)
    {
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return url;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var plain = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
        var at = url.IndexOf("://", StringComparison.Ordinal) + 3;
        return url[..at] + plain + url[(at + host.Length)..];
    }

    /// <summary>
    /// Throws a usage error naming the URL and the config keys when a non-loopback URL has no sign-in,
    /// or would carry a bearer token over plain http without <c>web.allowBearerOverHttp</c>.
    /// </summary>
    public static void Check(IReadOnlyList<string> urls, bool signInConfigured, bool bearerToken = false, bool allowBearerOverHttp = false)
    {
        if (bearerToken && !allowBearerOverHttp)
        {
            foreach (var url in urls.Where(u => !IsLoopback(u) && u.StartsWith("http://", StringComparison.OrdinalIgnoreCase)))
            {
                throw new StrategyLayerException(
                    $"Refusing to serve {url} with a bearer token over plain http: anyone on the network between could read the token. "
                    + "Listen on https://… (with a certificate), or set web.allowBearerOverHttp to true in the config file when a proxy in front of it terminates TLS.",
                    ErrorKind.Usage,
                    "web.urls");
            }
        }

        if (signInConfigured)
        {
            return;
        }

        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                throw new StrategyLayerException(
                    $"Refusing to serve {url} without sign-in: only loopback addresses (127.0.0.1, ::1, localhost) may run without it. "
                    + "Configure web.bearerTokenEnv (an environment variable holding a token) or web.oidc {authority, clientId, clientSecretEnv} in the config file, or listen on http://127.0.0.1:PORT.",
                    ErrorKind.Usage,
                    "web.urls");
            }
        }
    }

    public static bool IsLoopback(string url) => TryHost(url, out var host) && IsLoopbackHost(host);

    /// <summary><c>localhost</c> or a loopback address (<c>127.0.0.0/8</c>, <c>::1</c>, IPv4-mapped, with or without brackets).</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

    // Kestrel accepts wildcard hosts (*, +) that System.Uri does not; read the host by hand.
    private static bool TryHost(string url, out string host)
    {
        host = "";
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return false;
        }

        var prefix = url[..scheme];
        if (!prefix.Equals("http", StringComparison.OrdinalIgnoreCase) && !prefix.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = url[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = authority[..(close + 1)];
            return true;
        }

        var colon = authority.LastIndexOf(':');
        host = colon < 0 ? authority : authority[..colon];
        return host.Length > 0;
    }
}
