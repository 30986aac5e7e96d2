using StrategyLayer.Domain.Settings;

namespace StrategyLayer.Configuration;

/// <summary>The loaded configuration: paths absolute, secrets resolved, references checked.</summary>
public sealed record AppConfig
{
    /// <summary>The config file itself.</summary>
    public required string File { get; init; }

    /// <summary>A LiteDB file's absolute path, or a database URI (<c>postgresql://…</c>) as written (it may hold a password: never log it).</summary>
    public required string Store { get; init; }

    /// <summary><c>PGPASSWORD</c> from the environment or the secrets file: a PostgreSQL store's password when its URI has none.</summary>
    public string? StorePassword { get; init; }
    public required TimeZoneInfo TimeZone { get; init; }
    public string? WebBaseUrl { get; init; }
    public required string Logs { get; init; }
    public required string Strategy { get; init; }
    public required string Rules { get; init; }
    public required string Templates { get; init; }
    public IReadOnlyList<SourceConfig> Sources { get; init; } = [];
    public IReadOnlyList<AudienceSettings> Audiences { get; init; } = [];
    public IReadOnlyList<ChannelSettings> Channels { get; init; } = [];
    public IReadOnlyList<ScheduleSettings> Schedules { get; init; } = [];

    /// <summary>Status thresholds for reporting, as JSON text (null: the defaults).</summary>
    public string? StatusJson { get; init; }

    public WebSettings Web { get; init; } = new();

    /// <summary>Custom field names the rules may use (every source's <c>fields</c> keys).</summary>
    public IReadOnlyList<string> CustomFields => Sources.SelectMany(s => s.Fields.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>The web view's binding and sign-in.</summary>
public sealed record WebSettings
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";
    public string? BearerToken { get; init; }

    /// <summary>Accept the bearer token over plain http beyond loopback (a proxy in front terminates TLS); off by default.</summary>
    public bool AllowBearerOverHttp { get; init; }

    public string? OidcAuthority { get; init; }
    public string? OidcClientId { get; init; }
    public string? OidcClientSecret { get; init; }

    public override string ToString() => $"WebSettings {{ Urls = {Urls}, Bearer = {(BearerToken is null ? "no" : "yes")}, Oidc = {OidcAuthority ?? "-"} }}";
}
