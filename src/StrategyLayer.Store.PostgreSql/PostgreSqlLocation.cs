using System.Globalization;
using System.Text;
using Npgsql;
using StrategyLayer.Domain.Errors;

namespace StrategyLayer.Store.PostgreSql;

/// <summary>
/// A PostgreSQL database named by a libpq URI (<c>postgresql://USER[:PASS]@HOST[:PORT][,HOST2…]/DB?sslmode=…</c>),
/// translated into the keyword connection string Npgsql takes. The password comes from the URI
/// (where config's <c>${env:NAME}</c> may have put it), else from <c>PGPASSWORD</c> as the secrets
/// lookup finds it (the environment, then the config's secrets file), else from Npgsql's own
/// defaults (a <c>.pgpass</c> file). <see cref="ToString"/> is <see cref="Display"/>: it never
/// carries the password.
/// </summary>
public sealed record PostgreSqlLocation
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    private PostgreSqlLocation(string connectionString, string display, string? password)
    {
        ConnectionString = connectionString;
        Display = display;
        Password = password;
    }

    /// <summary>The Npgsql keyword connection string (with the password: never log it).</summary>
    public string ConnectionString { get; }

    /// <summary>The URI without its password: what messages and logs may show.</summary>
    public string Display { get; }

    /// <summary>The password in use, if one was given: for the log mask only.</summary>
    public string? Password { get; }

    /// <summary>True when <paramref name="store"/> is a PostgreSQL URI rather than a file path.</summary>
    public static bool IsUri(string? store) =>
        store is not null && Schemes.Any(s => store.StartsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Parses <paramref name="uri"/>. <paramref name="secret"/> looks a name up where config looks
    /// secrets up (null: the environment only). Throws a usage error naming the part that is wrong.
    /// </summary>
    public static PostgreSqlLocation Parse(string uri, Func<string, string?>? secret = null)
    {
        secret ??= Environment.GetEnvironmentVariable;
        var scheme = Schemes.FirstOrDefault(s => uri.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            ?? throw Bad(uri, "it must start with postgresql:// or postgres://");
        var rest = uri[scheme.Length..];

        // The user information ends at the last '@': a password put in by ${env:NAME} may hold '/',
        // '?' or '@' unencoded, while a host, database or option seldom holds '@'.
        string? user = null, password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Decode(colon < 0 ? userInfo : userInfo[..colon], uri, "user");
            password = colon < 0 ? null : Decode(userInfo[(colon + 1)..], uri, "password");
        }

        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart < 0 ? "" : rest[(queryStart + 1)..];
        rest = queryStart < 0 ? rest : rest[..queryStart];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hostList = slash < 0 ? rest : rest[..slash];
        var database = slash < 0 ? null : Decode(rest[(slash + 1)..], uri, "database");

        var builder = new NpgsqlConnectionStringBuilder();
        var hosts = Hosts(hostList, uri);
        if (user is { Length: > 0 })
        {
            builder.Username = user;
        }

        if (database is { Length: > 0 })
        {
            builder.Database = database;
        }

        foreach (var (name, value) in Parameters(query, uri))
        {
            switch (name)
            {
                case "host":
                    hosts = Hosts(value, uri, decoded: true);
                    break;
                case "port":
                    builder.Port = Port(value, uri);
                    break;
                case "dbname":
                    builder.Database = value;
                    break;
                case "user":
                    builder.Username = value;
                    break;
                case "password":
                    password = value;
                    break;
                case "passfile":
                    builder.Passfile = value;
                    break;
                case "sslmode":
                    builder.SslMode = SslMode(value, uri);
                    break;
                case "sslrootcert":
                    builder.RootCertificate = value;
                    break;
                case "sslcert":
                    builder.SslCertificate = value;
                    break;
                case "sslkey":
                    builder.SslKey = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = Seconds(value, uri, name);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "options":
                    builder.Options = value;
                    break;
                case "target_session_attrs":
                    builder.TargetSessionAttributes = value;
                    break;
                case "client_encoding":
                    builder.ClientEncoding = value;
                    break;
                default:
                    throw Bad(uri, $"the option '{name}' is not one this program passes on (host, port, dbname, user, password, passfile, sslmode, sslrootcert, sslcert, sslkey, connect_timeout, application_name, options, target_session_attrs, client_encoding)");
            }
        }

        if (hosts.Count > 0)
        {
            builder.Host = string.Join(',', hosts);
        }
        else if (string.IsNullOrEmpty(builder.Host))
        {
            builder.Host = "localhost";
        }

        password ??= secret("PGPASSWORD") is { Length: > 0 } fromSecrets ? fromSecrets : null;
        if (password is not null)
        {
            builder.Password = password;
        }

        return new PostgreSqlLocation(builder.ConnectionString, DisplayOf(scheme, user, hosts, builder, query.Length > 0 ? query : null), password);
    }

    public override string ToString() => Display;

    private static List<string> Hosts(string text, string uri, bool decoded = false)
    {
        var hosts = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            string host;
            string? port = null;
            if (part.StartsWith('['))
            {
                var close = part.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw Bad(uri, $"the host '{part}' opens '[' without closing it");
                }

                host = part[1..close];
                var after = part[(close + 1)..];
                port = after.StartsWith(':') ? after[1..] : after.Length == 0 ? null : throw Bad(uri, $"unexpected '{after}' after the host [{host}]");
            }
            else
            {
                var colon = part.LastIndexOf(':');
                host = colon < 0 ? part : part[..colon];
                port = colon < 0 ? null : part[(colon + 1)..];
            }

            host = decoded ? host : Decode(host, uri, "host");
            if (host.Length == 0)
            {
                continue;
            }

            // Npgsql reads a port after the last colon: an IPv6 address keeps its brackets.
            var shown = host.Contains(':', StringComparison.Ordinal) ? "[" + host + "]" : host;
            hosts.Add(port is { Length: > 0 } ? shown + ":" + Port(port, uri).ToString(CultureInfo.InvariantCulture) : shown);
        }

        return hosts;
    }

    private static IEnumerable<(string Name, string Value)> Parameters(string query, string uri)
    {
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw Bad(uri, $"the option '{Decode(pair, uri, "option")}' has no value (write name=value)");
            }

            yield return (Decode(pair[..eq], uri, "option").ToLowerInvariant(), Decode(pair[(eq + 1)..], uri, "option"));
        }
    }

    private static int Port(string text, string uri) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw Bad(uri, $"the port '{text}' is not a number from 1 to 65535");

    private static int Seconds(string text, string uri, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw Bad(uri, $"{name} '{text}' is not a whole number of seconds");

    private static SslMode SslMode(string text, string uri) => text.ToLowerInvariant() switch
    {
        "disable" => Npgsql.SslMode.Disable,
        "allow" => Npgsql.SslMode.Allow,
        "prefer" => Npgsql.SslMode.Prefer,
        "require" => Npgsql.SslMode.Require,
        "verify-ca" => Npgsql.SslMode.VerifyCA,
        "verify-full" => Npgsql.SslMode.VerifyFull,
        _ => throw Bad(uri, $"sslmode '{text}' is not one of disable, allow, prefer, require, verify-ca, verify-full"),
    };

    /// <summary>Percent-decodes as libpq does: %XX is a byte of UTF-8; anything else stays as it is.</summary>
    private static string Decode(string text, string uri, string part)
    {
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(byte.Parse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw Bad(uri, $"the {part} is not UTF-8 once percent-decoded");
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static string DisplayOf(string scheme, string? user, List<string> hosts, NpgsqlConnectionStringBuilder builder, string? query)
    {
        var text = new StringBuilder(scheme);
        if (user is { Length: > 0 })
        {
            text.Append(Uri.EscapeDataString(user)).Append('@');
        }

        text.Append(string.Join(',', hosts));
        text.Append('/').Append(Uri.EscapeDataString(builder.Database ?? ""));
        if (query is not null)
        {
            // Options are shown by name and value, except a password given as one.
            var shown = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !p.StartsWith("password=", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("sslpassword=", StringComparison.OrdinalIgnoreCase));
            var joined = string.Join('&', shown);
            if (joined.Length > 0)
            {
                text.Append('?').Append(joined);
            }
        }

        return text.ToString();
    }

    private static StrategyLayerException Bad(string uri, string problem) =>
        new($"store: the PostgreSQL URI {Redact(uri)} cannot be used: {problem}", ErrorKind.Usage, "store");

    /// <summary>The URI with any password cut out, for an error message about it.</summary>
    private static string Redact(string uri)
    {
        var scheme = Schemes.FirstOrDefault(s => uri.StartsWith(s, StringComparison.OrdinalIgnoreCase));
        if (scheme is null)
        {
            return "'" + uri.Split('@')[^1] + "'";
        }

        var rest = uri[scheme.Length..];
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            rest = (colon < 0 ? userInfo : userInfo[..colon] + ":***") + rest[at..];
        }

        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            var kept = rest[(q + 1)..].Split('&').Select(p => p.StartsWith("password=", StringComparison.OrdinalIgnoreCase) ? "password=***" : p);
            rest = rest[..q] + "?" + string.Join('&', kept);
        }

        return "'" + scheme + rest + "'";
    }
}
